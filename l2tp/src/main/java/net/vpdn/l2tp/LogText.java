package net.vpdn.l2tp;

import java.net.InetAddress;
import java.net.Inet6Address;
import java.net.InetSocketAddress;

/**
 * Values for the processes' {@code key=value} log lines. Host names and user names come off the wire:
 * logged raw, a space, quote or line break in one of them would split a value or forge a whole log line.
 * {@link #value} keeps a plain token as it is and quotes anything else; {@link #quoted} is the inside of a
 * value the caller already quotes. Control characters become {@code ?}, quotes and backslashes are
 * escaped, and text is cut at {@value #MAX} characters.
 */
public final class LogText {
    /** Longest text kept in one value. */
    public static final int MAX = 200;

    private LogText() {
    }

    /** A log value: {@code -} for null or empty, the text itself when it is one plain token, else quoted. */
    public static String value(String s) {
        if (s == null || s.isEmpty()) return "-";
        String q = quoted(s);
        return plain(q) ? q : "\"" + q + "\"";
    }

    /** The escaped inside of a quoted value (no surrounding quotes); empty for null. */
    public static String quoted(String s) {
        if (s == null) return "";
        String cut = s.length() > MAX ? s.substring(0, MAX) + "..." : s;
        StringBuilder b = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') b.append('\\').append((char) c);
            else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) b.append('?');
            else b.appendCodePoint(c);
        });
        return b.toString();
    }

    /** {@code 192.0.2.1:1701} or {@code [2001:db8::1]:1701}: no leading slash, no host name lookup. */
    public static String address(InetSocketAddress a) {
        if (a == null) return "-";
        InetAddress ip = a.getAddress();
        String host = ip == null ? a.getHostString() : ip.getHostAddress();
        return (ip instanceof Inet6Address ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '"' || c == '=' || c == '\'' || c == '\\') return false;
        }
        return true;
    }
}
