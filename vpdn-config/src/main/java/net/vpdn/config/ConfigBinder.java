package net.vpdn.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Binds the top level, {@code l2tp}, {@code radius-servers}, {@code aaa}, {@code admin}, {@code metrics} and
 * {@code dynamic-authorization}.
 */
final class ConfigBinder {
    private ConfigBinder() {
    }

    /** A bound value with the section it came from, so cross-checks can name its key and file. */
    record Bound<T>(T value, Section section) {
    }

    /** The configuration and, per list entry, where it came from. */
    record BoundConfig(VpdnConfig config, Section root, List<Bound<VpdnGroup>> groups,
                       List<Bound<VirtualTemplate>> templates, List<Bound<IpPool>> pools,
                       List<Bound<LocalUser>> users, List<Bound<RadiusServer>> radius) {
    }

    static BoundConfig bind(Path source, Section root) {
        Role role = root.required("role", Role.LAC, Values.oneOf(Role.values(), Role::configName));
        String hostname = root.required("hostname", "", Values::hostName);
        L2tpSettings l2tp = l2tp(root.section("l2tp"));
        var groups = each(root, "vpdn-groups", s -> GroupBinder.group(s, hostname));
        var templates = each(root, "virtual-templates", PppBinder::virtualTemplate);
        var pools = each(root, "ip-pools", PppBinder::ipPool);
        var users = each(root, "local-users", PppBinder::localUser);
        var radius = each(root, "radius-servers", ConfigBinder::radius);
        var pppoe = each(root, "pppoe-interfaces", s -> PppoeBinder.pppoeInterface(s, hostname, role));
        AaaSettings aaa = aaa(root.section("aaa"), role);
        VpdnConfig config = new VpdnConfig(source, role, hostname, l2tp, values(groups), values(templates),
                values(pools), values(users), values(radius), aaa,
                admin(root.section("admin")), metrics(root.section("metrics")),
                dynamicAuthorization(root.section("dynamic-authorization"), role), values(pppoe),
                PppoeBinder.tunUplink(root.section("tun-uplink"), role));
        PppoeBinder.unique(pppoe);
        return new BoundConfig(config, root, groups, templates, pools, users, radius);
    }

    private static <T> List<Bound<T>> each(Section root, String key, Function<Section, T> binder) {
        return root.sections(key).stream().map(s -> new Bound<>(binder.apply(s), s)).toList();
    }

    private static <T> List<T> values(List<Bound<T>> bound) {
        return bound.stream().map(Bound::value).toList();
    }

    static L2tpSettings l2tp(Section s) {
        Duration initial = s.get("retransmit-initial", Defaults.RETRANSMIT_INITIAL, positive());
        Duration cap = s.get("retransmit-cap", Defaults.RETRANSMIT_CAP, positive());
        if (cap.compareTo(Duration.ofSeconds(8)) < 0) {
            // RFC 2661 §5.8: the retransmission cap MUST be no less than 8 seconds.
            s.error("retransmit-cap", "must be at least 8s (RFC 2661 §5.8), got " + cap.toMillis() + " ms");
        } else if (cap.compareTo(initial) < 0) {
            s.error("retransmit-cap", "must not be below retransmit-initial (" + initial.toMillis() + " ms)");
        }
        return new L2tpSettings(
                s.get("listen-address", Defaults.ANY_IPV4, Values::address),
                s.get("listen-port", Defaults.L2TP_LISTEN_PORT, Values::listenPort),
                s.get("hello-interval", Defaults.HELLO_INTERVAL, positive()),
                initial,
                cap,
                s.get("retransmit-retries", Defaults.RETRANSMIT_RETRIES, Values.integer(1, 100)),
                s.get("receive-window", Defaults.RECEIVE_WINDOW, Values.integer(1, 65535)),
                callSetupTimeout(s),
                s.get("max-calls-in-setup", Defaults.MAX_CALLS_IN_SETUP, Values.integer(1, 100_000)),
                s.get("max-sessions", Defaults.MAX_SESSIONS, Values.integer(1, 1 << 24)));
    }

    /** Long enough for PPP, a RADIUS lookup and a new tunnel's retransmissions; short enough to free a stuck line. */
    private static Duration callSetupTimeout(Section s) {
        Duration d = s.get("call-setup-timeout", Defaults.CALL_SETUP_TIMEOUT, positive());
        if (d.compareTo(Defaults.MIN_CALL_SETUP_TIMEOUT) < 0 || d.compareTo(Defaults.MAX_CALL_SETUP_TIMEOUT) > 0) {
            s.error("call-setup-timeout", "must be between " + Defaults.MIN_CALL_SETUP_TIMEOUT.toSeconds() + "s and "
                    + Defaults.MAX_CALL_SETUP_TIMEOUT.toSeconds() + "s, got " + d.toMillis() + " ms");
        }
        return d;
    }

    static RadiusServer radius(Section s) {
        return new RadiusServer(
                s.required("name", "", Values::name),
                s.required("address", Defaults.ANY_IPV4, Values::address),
                s.get("auth-port", Defaults.RADIUS_AUTH_PORT, Values::port),
                s.get("acct-port", Defaults.RADIUS_ACCT_PORT, Values::port),
                requiredSecret(s, "secret"),
                s.get("timeout", Defaults.RADIUS_TIMEOUT, positive()),
                s.get("retries", Defaults.RADIUS_RETRIES, Values.integer(0, 10)),
                s.get("dead-time", Defaults.RADIUS_DEAD_TIME, Values::duration));
    }

    static AaaSettings aaa(Section s, Role role) {
        return new AaaSettings(
                methods(s, "authentication", MethodList.of(AaaMethod.LOCAL)),
                methods(s, "tunnel-authorization", MethodList.of(AaaMethod.LOCAL)),
                methods(s, "accounting", MethodList.of()),
                s.get("accounting-interim-interval", Duration.ZERO, interimInterval()),
                lookupPassword(s, role));
    }

    /** Zero (off), or from {@link Defaults#INTERIM_MIN} to {@link Defaults#INTERIM_MAX}. */
    static Function<String, Parsed<Duration>> interimInterval() {
        return text -> switch (Values.duration(text)) {
            case Parsed.Ok<Duration>(Duration d) when !d.isZero()
                    && (d.compareTo(Defaults.INTERIM_MIN) < 0 || d.compareTo(Defaults.INTERIM_MAX) > 0) ->
                    Parsed.bad("must be 0 (off) or between 1s and 24h, got " + text.trim());
            case Parsed<Duration> other -> other;
        };
    }

    /** The domain-lookup password: a LAC key; RADIUS limits User-Password to 128 octets (RFC 2865 §5.2). */
    private static Secret lookupPassword(Section s, Role role) {
        String key = "tunnel-authorization-password";
        Optional<Secret> given = s.secret(key);
        if (given.isPresent() && role == Role.LNS) {
            s.error(s.has(key) ? key : key + "-file", "is for the LAC only (its RADIUS domain lookups); role: lns");
        }
        if (given.isPresent() && given.get().length() > 128) {
            s.error(s.has(key) ? key : key + "-file", "is " + given.get().length()
                    + " bytes; RADIUS allows at most 128 (RFC 2865 §5.2)");
        }
        return given.orElseGet(() -> Secret.of(AaaSettings.DEFAULT_LOOKUP_PASSWORD));
    }

    private static MethodList methods(Section s, String key, MethodList defaultList) {
        if (!s.has(key)) {
            return defaultList;
        }
        List<AaaMethod> methods = s.list(key, Values.oneOf(AaaMethod.values(), AaaMethod::configName));
        if (methods.stream().distinct().count() < methods.size()) {
            s.error(key, "names a method twice");
        }
        return new MethodList(methods);
    }

    static AdminListener admin(Section s) {
        return new AdminListener(
                s.get("enabled", true, Values::bool),
                s.get("address", Defaults.LOOPBACK, Values::address),
                s.get("port", Defaults.ADMIN_PORT, Values::listenPort),
                s.secret("token"));
    }

    static MetricsListener metrics(Section s) {
        return new MetricsListener(
                s.get("enabled", true, Values::bool),
                s.get("address", Defaults.LOOPBACK, Values::address),
                s.get("port", Defaults.METRICS_PORT, Values::listenPort));
    }

    /** The RFC 5176 listener, with its own checks: LNS only, at least one client, each client address once. */
    static DynamicAuthorization dynamicAuthorization(Section s, Role role) {
        boolean enabled = s.get("enabled", false, Values::bool);
        List<Section> clientSections = s.sections("clients");
        Map<InetAddress, String> seen = new HashMap<>();
        List<DynamicAuthorization.Client> clients = new ArrayList<>();
        for (Section c : clientSections) {
            InetAddress address = c.required("address", Defaults.ANY_IPV4, Values::address);
            clients.add(new DynamicAuthorization.Client(address, requiredSecret(c, "secret")));
            String first = !address.isAnyLocalAddress() ? seen.putIfAbsent(address, c.key("address")) : null;
            if (first != null) {
                c.error("address", address.getHostAddress() + " is already a client (" + first + ")");
            }
        }
        if (enabled && role == Role.LAC) {
            s.error("enabled", "is for the LNS only; a LAC has no sessions to disconnect (role: lac)");
        } else if (enabled && clientSections.isEmpty()) {
            s.error("clients", "needs at least one client when enabled (requests from anyone else are dropped)");
        }
        return new DynamicAuthorization(enabled, s.get("address", Defaults.LOOPBACK, Values::address),
                s.get("port", DynamicAuthorization.PORT, Values::listenPort), clients);
    }

    /** A secret that must be present (inline or from its {@code -file}); a placeholder stands in if not. */
    static Secret requiredSecret(Section s, String key) {
        boolean given = s.has(key) || s.has(key + "-file");
        var secret = s.secret(key);
        if (!given) {
            s.error(key, "is required (or " + key + "-file)");
        }
        return secret.orElse(Secret.of("placeholder-never-used"));
    }

    /** A duration above zero. */
    static Function<String, Parsed<Duration>> positive() {
        return text -> switch (Values.duration(text)) {
            case Parsed.Ok<Duration>(Duration d) when d.isZero() -> Parsed.bad("must be above zero");
            case Parsed<Duration> other -> other;
        };
    }
}
