package net.vpdn.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Binds {@code pppoe-interfaces} entries (LAC only) and {@code tun-uplink} (LNS only): the real wires. */
final class PppoeBinder {
    private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,14}");
    private static final Pattern SERVICE = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private PppoeBinder() {
    }

    static PppoeInterface pppoeInterface(Section s, String hostname, Role role) {
        String name = s.required("name", "eth0", PppoeBinder::interfaceName);
        Optional<String> netns = s.optional("netns", Values::name);
        Optional<Integer> vlan = s.optional("vlan", Values.integer(1, 4094));
        String acName = s.get("ac-name", hostname.isEmpty() ? "vpdn" : hostname, PppoeBinder::service);
        List<String> services = s.has("service-names") ? s.list("service-names", PppoeBinder::service) : List.of();
        Secret secret = ConfigBinder.requiredSecret(s, "cookie-secret");
        if (secret.bytes().length < PppoeInterface.MIN_COOKIE_SECRET) {
            s.error("cookie-secret", "must be at least " + PppoeInterface.MIN_COOKIE_SECRET + " characters (it keys the AC-Cookie HMAC)");
        }
        int max = s.get("max-sessions", PppoeInterface.DEFAULT_MAX_SESSIONS, Values.integer(1, 65534));
        long speed = s.get("connect-speed", (int) Math.min(Integer.MAX_VALUE, PppoeInterface.DEFAULT_CONNECT_SPEED),
                Values.integer(1, Integer.MAX_VALUE));
        int padi = s.get("padi-limit", PppoeInterface.DEFAULT_PADI_LIMIT, Values.integer(0, PppoeInterface.MAX_PADI_LIMIT));
        int padiPerMac = s.get("padi-limit-per-mac", PppoeInterface.DEFAULT_PADI_LIMIT_PER_MAC,
                Values.integer(0, PppoeInterface.MAX_PADI_LIMIT_PER_MAC));
        if (role != Role.LAC) s.error("name", "PPPoE access is for the LAC only (role: " + role.configName() + ")");
        return new PppoeInterface(name, netns, vlan.map(OptionalInt::of).orElse(OptionalInt.empty()), acName, services, secret,
                max, speed, padi, padiPerMac);
    }

    static TunUplink tunUplink(Section s, Role role) {
        boolean enabled = s.get("enabled", false, Values::bool);
        TunUplink t = new TunUplink(enabled, s.get("name", TunUplink.DEFAULT_NAME, PppoeBinder::interfaceName),
                s.optional("netns", Values::name), s.get("mtu", TunUplink.DEFAULT_MTU, Values.integer(576, 9000)),
                s.get("apply-routes", false, Values::bool));
        if (enabled && role != Role.LNS) s.error("enabled", "the TUN uplink is for the LNS only (role: " + role.configName() + ")");
        return t;
    }

    /** An interface (with its VLAN) may be listed once. */
    static void unique(List<ConfigBinder.Bound<PppoeInterface>> bound) {
        Map<String, String> seen = new HashMap<>();
        for (ConfigBinder.Bound<PppoeInterface> b : bound) {
            PppoeInterface p = b.value();
            String id = p.netns().orElse("") + "/" + p.name() + "." + (p.vlan().isPresent() ? p.vlan().getAsInt() : "untagged");
            String first = seen.putIfAbsent(id, b.section().key("name"));
            if (first != null) b.section().error("name", p.name() + " is already listed (" + first + ")");
        }
    }

    private static Parsed<String> interfaceName(String text) {
        return IFNAME.matcher(text).matches() ? new Parsed.Ok<>(text)
                : new Parsed.Bad<>("'" + text + "' is not an interface name (1 to 15 letters, digits, '.', '_', '-')");
    }

    private static Parsed<String> service(String text) {
        return SERVICE.matcher(text).matches() ? new Parsed.Ok<>(text)
                : new Parsed.Bad<>("'" + text + "' is not a service or AC name (1 to 64 printable ASCII characters, no spaces)");
    }
}
