package net.vpdn.lac.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Optional;
import net.vpdn.lac.access.emulator.SubscriberProfile;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.lcp.AuthMethod;

/**
 * The access side of a LAC process, from its command line: today the built-in subscriber emulator.
 *
 * @param subscribers the emulated subscribers, in dialling order; empty = no emulator
 * @param rate        dials per second
 * @param once        dial every subscriber once, print a summary and exit
 * @param report      where to write every subscriber's outcome, one line each, once all have reported
 * @param warmup      calls dialled (and hung up as soon as IPCP is up) before the subscribers, at the same rate
 *                    but at most {@link #WARMUP_MAX_RATE}/s, so a benchmark measures warmed JVMs; not reported
 */
public record AccessOptions(List<SubscriberProfile> subscribers, double rate, boolean once, Optional<Path> report,
                            int warmup) {
    /** The highest warm-up dial rate: warming must not itself overload a cold JVM. */
    public static final double WARMUP_MAX_RATE = 1000;

    /** No warm-up. */
    public AccessOptions(List<SubscriberProfile> subscribers, double rate, boolean once, Optional<Path> report) {
        this(subscribers, rate, once, report, 0);
    }

    /**
     * The warm-up calls: the first {@code warmup} subscribers (cycled), hanging up as soon as IPCP is up, no
     * pings.
     */
    public List<SubscriberProfile> warmupProfiles() {
        List<SubscriberProfile> out = new ArrayList<>(warmup);
        for (int i = 0; i < warmup && !subscribers.isEmpty(); i++) {
            SubscriberProfile p = subscribers.get(i % subscribers.size());
            out.add(new SubscriberProfile(p.user(), p.password(), p.callingNumber(), p.calledNumber(), p.auth(), 0,
                    p.pingTimeout(), Duration.ZERO));
        }
        return out;
    }

    /** What {@code --help} prints for these options. */
    public static final String USAGE = """
              --subscribers N        emulate N subscribers (default: one per --user, else 0: no emulator)
              --user NAME:PASSWORD   a subscriber with its own password (repeatable; cycled up to N)
              --user-format FMT      names of generated subscribers, %d is 1..N (default user%d@example.com);
                                     repeatable: subscriber i takes the i-th format, cycled
              --password P           password of generated subscribers (default demo-password)
              --auth chap|pap[,...]  how subscribers authenticate (default chap); a list is cycled
              --rate R[/s]           dials per second (default 10)
              --hold DURATION        keep each call up this long after IPCP, pings included (default 0s)
              --pings N              ICMP echoes to the LNS once IPCP is up (default 3)
              --ping-timeout D       wait for each echo reply (default 2s)
              --called NUMBER        the lines' Called Number (DNIS) (default none)
              --once                 dial each subscriber once, print a summary, exit 0 only if all succeeded
              --report FILE          when every subscriber has reported, write one tab-separated line each
              --warmup N             first dial N calls (the first subscribers, cycled; rate capped at 1000/s)
                                     that hang up at IPCP and are not reported, then print "emulator: warm-up
                                     done ..." and dial the subscribers: a benchmark of warmed JVMs (default 0)
            """;

    public AccessOptions {
        subscribers = List.copyOf(subscribers);
        java.util.Objects.requireNonNull(report, "report");
    }

    /** Options without a report file. */
    public AccessOptions(List<SubscriberProfile> subscribers, double rate, boolean once) {
        this(subscribers, rate, once, Optional.empty());
    }

    /** No emulator: the process waits for an access medium (none other exists yet). */
    public static AccessOptions none() {
        return new AccessOptions(List.of(), 10, false);
    }

    /** The outcome of parsing. */
    public sealed interface Parsed {
        /** Options understood. */
        record Ok(AccessOptions options) implements Parsed { }

        /** A problem, said as the operator should read it. */
        record Error(String message) implements Parsed { }
    }

    /** Parses the arguments left after {@code --config}/{@code --set}. Total. */
    public static Parsed parse(List<String> args) {
        Builder b = new Builder();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--once")) {
                b.once = true;
                continue;
            }
            if (!a.startsWith("--")) return new Parsed.Error("unexpected argument '" + a + "'");
            String name = a;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                return new Parsed.Error(a + " needs a value");
            }
            String problem = b.set(name, value);
            if (problem != null) return new Parsed.Error(name + ": " + problem);
        }
        return b.build();
    }

    private static final class Builder {
        int subscribers = -1;
        final List<String[]> users = new ArrayList<>();
        final List<String> userFormats = new ArrayList<>();
        String password = "demo-password";
        List<AuthMethod> auths = List.of(AuthMethod.CHAP_MD5);
        Path report;
        double rate = 10;
        Duration hold = Duration.ZERO;
        int pings = 3;
        Duration pingTimeout = Duration.ofSeconds(2);
        String called = "";
        boolean once;
        int warmup;

        /** Sets one option; the problem, or null. */
        String set(String name, String v) {
            switch (name) {
                case "--subscribers" -> { subscribers = count(v, 100_000); return subscribers < 0 ? "'" + v + "' is not 0..100000" : null; }
                case "--user" -> {
                    int colon = v.indexOf(':');
                    if (colon <= 0 || colon == v.length() - 1) return "give NAME:PASSWORD";
                    users.add(new String[] {v.substring(0, colon), v.substring(colon + 1)});
                    return null;
                }
                case "--user-format" -> { userFormats.add(v); return formatProblem(v); }
                case "--report" -> { report = Path.of(v); return v.isEmpty() ? "must not be empty" : null; }
                case "--password" -> { password = v; return v.isEmpty() ? "must not be empty" : null; }
                case "--auth" -> {
                    auths = auths(v);
                    return auths.isEmpty() ? "'" + v + "' is not chap or pap (or a comma-separated list of them)" : null;
                }
                case "--rate" -> { rate = rate(v); return rate > 0 ? null : "'" + v + "' is not a positive rate (e.g. 50 or 50/s)"; }
                case "--hold" -> { hold = duration(v); return hold == null ? "'" + v + "' is not a duration (e.g. 500ms, 5s, 2m)" : null; }
                case "--ping-timeout" -> { pingTimeout = duration(v); return pingTimeout == null || pingTimeout.isZero() ? "'" + v + "' is not a positive duration" : null; }
                case "--pings" -> { pings = count(v, 1000); return pings < 0 ? "'" + v + "' is not 0..1000" : null; }
                case "--warmup" -> { warmup = count(v, 1_000_000); return warmup < 0 ? "'" + v + "' is not 0..1000000" : null; }
                case "--called" -> { called = v; return v.chars().allMatch(Character::isDigit) ? null : "'" + v + "' is not digits"; }
                default -> { return "unknown option"; }
            }
        }

        Parsed build() {
            int n = subscribers >= 0 ? subscribers : users.size();
            List<SubscriberProfile> profiles = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String user;
                String pw;
                if (!users.isEmpty()) {
                    user = users.get(i % users.size())[0];
                    pw = users.get(i % users.size())[1];
                } else {
                    List<String> formats = userFormats.isEmpty() ? List.of("user%d@example.com") : userFormats;
                    user = String.format(formats.get(i % formats.size()), i + 1);
                    pw = password;
                }
                profiles.add(new SubscriberProfile(user, Secret.of(pw), String.format("0311%06d", 100_000 + i), called,
                        auths.get(i % auths.size()), pings, pingTimeout, hold));
            }
            if (once && profiles.isEmpty()) return new Parsed.Error("--once: no subscribers (give --subscribers N or --user)");
            if (warmup > 0 && profiles.isEmpty()) return new Parsed.Error("--warmup: no subscribers to warm up with");
            return new Parsed.Ok(new AccessOptions(profiles, rate, once, Optional.ofNullable(report), warmup));
        }
    }

    private static List<AuthMethod> auths(String v) {
        List<AuthMethod> out = new ArrayList<>();
        for (String a : v.split(",", -1)) {
            switch (a.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "chap" -> out.add(AuthMethod.CHAP_MD5);
                case "pap" -> out.add(AuthMethod.PAP);
                default -> { return List.of(); }
            }
        }
        return out;
    }

    private static String formatProblem(String f) {
        try {
            String.format(f, 1);
            return null;
        } catch (IllegalFormatException e) {
            return "'" + f + "' is not a format with one %d";
        }
    }

    private static int count(String v, int max) {
        if (v.isEmpty() || v.length() > 7 || !v.chars().allMatch(Character::isDigit)) return -1;
        int n = Integer.parseInt(v);
        return n <= max ? n : -1;
    }

    private static double rate(String v) {
        String s = v.endsWith("/s") ? v.substring(0, v.length() - 2) : v;
        try {
            double r = Double.parseDouble(s);
            return Double.isFinite(r) && r <= 1_000_000 ? r : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} or plain seconds, as in the configuration. */
    static Duration duration(String v) {
        int split = 0;
        while (split < v.length() && Character.isDigit(v.charAt(split))) split++;
        if (split == 0 || split > 9) return null;
        long n = Long.parseLong(v.substring(0, split));
        return switch (v.substring(split)) {
            case "ms" -> Duration.ofMillis(n);
            case "s", "" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> null;
        };
    }
}
