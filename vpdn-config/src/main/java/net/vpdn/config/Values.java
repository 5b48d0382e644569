package net.vpdn.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Parsers for the value types of the file; each returns {@link Parsed} and never throws. */
final class Values {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,10}");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");
    private static final Pattern DOMAIN =
            Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern DNIS = Pattern.compile("\\d{1,32}");
    private static final Pattern USER = Pattern.compile("\\S{1,253}");

    private Values() {
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, or a whole number of seconds; never negative. */
    static Parsed<Duration> duration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return Parsed.bad("'" + text + "' is not a duration (use 500ms, 30s, 2m, 1h or whole seconds)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return Parsed.ok(switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        });
    }

    /** A whole number within {@code [min, max]}. */
    static Function<String, Parsed<Integer>> integer(int min, int max) {
        return text -> {
            String t = text.trim();
            if (!INTEGER.matcher(t).matches()) {
                return Parsed.bad("'" + text + "' is not a whole number");
            }
            long n = Long.parseLong(t);
            return n < min || n > max
                    ? Parsed.bad("must be between " + min + " and " + max + ", got " + n)
                    : Parsed.ok((int) n);
        };
    }

    /** A TCP/UDP port we connect to: 1 to 65535. */
    static Parsed<Integer> port(String text) {
        return integer(1, 65535).apply(text);
    }

    /** A port we listen on: 0 (any free port) to 65535. */
    static Parsed<Integer> listenPort(String text) {
        return integer(0, 65535).apply(text);
    }

    /** {@code true} or {@code false}. */
    static Parsed<Boolean> bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Parsed.ok(true);
            case "false" -> Parsed.ok(false);
            default -> Parsed.bad("'" + text + "' is not true or false");
        };
    }

    /**
     * An IPv4 or IPv6 address literal. Host names are refused on purpose: the process must start and behave
     * the same whether or not DNS answers, and a spoofed answer must not redirect tunnels or RADIUS.
     * Only literals reach {@link InetAddress#getByName}, so it never queries DNS.
     */
    static Parsed<InetAddress> address(String text) {
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        Matcher v4 = IPV4.matcher(t);
        boolean literal = v4.matches() ? octetsInRange(v4) : IPV6.matcher(t).matches();
        if (literal) {
            try {
                return Parsed.ok(InetAddress.getByName(t));
            } catch (UnknownHostException e) {
                // a malformed IPv6 literal: refused below
            }
        }
        return Parsed.bad("'" + text + "' is not an IP address literal (host names are not resolved)");
    }

    /** An IPv4 address literal. */
    static Parsed<Inet4Address> ipv4(String text) {
        return switch (address(text)) {
            case Parsed.Ok<InetAddress>(Inet4Address a) -> Parsed.ok(a);
            case Parsed.Ok<InetAddress> ok -> Parsed.bad("'" + text + "' is not an IPv4 address (IPCP assigns IPv4)");
            case Parsed.Bad<InetAddress> bad -> Parsed.bad(bad.problem());
        };
    }

    /** An object name (group, template, pool, server): letters, digits, {@code . _ @ -}, up to 64. */
    static Parsed<String> name(String text) {
        return NAME.matcher(text).matches() ? Parsed.ok(text)
                : Parsed.bad("'" + text + "' is not a name (letters, digits and . _ @ -, at most 64)");
    }

    /** An L2TP host name (Host Name AVP): letters, digits, {@code . _ -}. */
    static Parsed<String> hostName(String text) {
        return HOST_NAME.matcher(text).matches() ? Parsed.ok(text)
                : Parsed.bad("'" + text + "' is not a host name (letters, digits and . _ -)");
    }

    /** A user's realm, compared in lower case. */
    static Parsed<String> domain(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return DOMAIN.matcher(t).matches() ? Parsed.ok(t) : Parsed.bad("'" + text + "' is not a domain name");
    }

    /** A called number: digits only. */
    static Parsed<String> dnis(String text) {
        String t = text.trim();
        return DNIS.matcher(t).matches() ? Parsed.ok(t) : Parsed.bad("'" + text + "' is not a DNIS (digits only)");
    }

    /** A PPP user name: no white space. */
    static Parsed<String> userName(String text) {
        return USER.matcher(text).matches() ? Parsed.ok(text)
                : Parsed.bad("'" + text + "' is not a user name (no spaces, at most 253 characters)");
    }

    /** One of an enum's config names. */
    static <E extends Enum<E>> Function<String, Parsed<E>> oneOf(E[] values, Function<E, String> configName) {
        return text -> Arrays.stream(values).filter(v -> configName.apply(v).equals(text.trim().toLowerCase(Locale.ROOT)))
                .findFirst().<Parsed<E>>map(Parsed::ok)
                .orElseGet(() -> Parsed.bad("'" + text + "' is not one of "
                        + Arrays.stream(values).map(configName).collect(Collectors.joining(", "))));
    }

    /** An IPv4 network in CIDR form. */
    record Cidr(Inet4Address network, int prefixLength) {
    }

    /** {@code a.b.c.d/n} with n from 8 to 32. */
    static Parsed<Cidr> cidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Parsed.bad("'" + text + "' is not in CIDR form (e.g. 10.99.0.0/24)");
        }
        Parsed<Integer> prefix = integer(8, 32).apply(text.substring(slash + 1));
        return switch (ipv4(text.substring(0, slash))) {
            case Parsed.Bad<Inet4Address> bad -> Parsed.bad(bad.problem());
            case Parsed.Ok<Inet4Address> ok -> switch (prefix) {
                case Parsed.Bad<Integer> bad -> Parsed.bad("prefix length " + bad.problem());
                case Parsed.Ok<Integer>(Integer n) -> Parsed.ok(new Cidr(ok.value(), n));
            };
        };
    }

    private static boolean octetsInRange(Matcher v4) {
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(v4.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }
}
