package net.vpdn.admin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text forms of a {@link SessionRef}. */
final class SessionRefText {
    private static final Pattern IDS = Pattern.compile("(\\d{1,5})/(\\d{1,5})");
    private static final Pattern ID = Pattern.compile("\\d{1,5}");
    private static final Pattern INTERFACE = Pattern.compile("(?i)(?:virtual-access|vi)(\\d{1,9})");

    private SessionRefText() {
    }

    static SessionRef.Parsed parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = IDS.matcher(t);
        if (m.matches()) {
            int tunnel = Integer.parseInt(m.group(1));
            int session = Integer.parseInt(m.group(2));
            return inRange(tunnel) && inRange(session) ? new SessionRef.Parsed.Ok(new SessionRef.ByIds(tunnel, session))
                    : bad("tunnel and session ids must be 1.." + SessionRef.MAX_ID + ", got " + printable(t));
        }
        if (ID.matcher(t).matches()) {
            int session = Integer.parseInt(t);
            return inRange(session) ? new SessionRef.Parsed.Ok(new SessionRef.BySessionId(session))
                    : bad("session id must be 1.." + SessionRef.MAX_ID + ", got " + session);
        }
        m = INTERFACE.matcher(t);
        if (m.matches()) {
            return new SessionRef.Parsed.Ok(new SessionRef.ByInterface("Virtual-Access" + Long.parseLong(m.group(1))));
        }
        return bad("a session is TUNNEL/SESSION (e.g. 12/345), a session id, or Virtual-AccessN / ViN, got '"
                + printable(t) + "'");
    }

    private static boolean inRange(int id) {
        return id >= 1 && id <= SessionRef.MAX_ID;
    }

    private static SessionRef.Parsed bad(String problem) {
        return new SessionRef.Parsed.Bad(problem);
    }

    /** Echoed text is bounded and stripped of control characters, so an error body cannot carry junk. */
    private static String printable(String s) {
        String cut = s.length() > 24 ? s.substring(0, 24) + "..." : s;
        return cut.replaceAll("[^\\x21-\\x7e]", "?");
    }
}
