package net.vpdn.tests.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The topology of {@link LacLnsRadiusEndToEndTest}: three domains, two vpdn-groups. {@code alpha.example}
 * and {@code beta.example} belong to the LAC's local group (our host name {@code lac-local}); {@code
 * gamma.example} is known only to FreeRADIUS, whose RFC 2868 answer names the LNS, the tunnel secret and
 * our host name {@code lac-radius}. The LNS tells the two apart by that host name (terminate-from) and
 * gives each its own virtual template and pool; the first users of each domain have static addresses.
 */
final class E2eConfigs {
    static final List<String> DOMAINS = List.of("alpha.example", "beta.example", "gamma.example");
    static final String PASSWORD = "e2e-user-password";
    static final String LOCAL_SECRET = "e2e-local-tunnel-secret";
    static final String RADIUS_TUNNEL_SECRET = "e2e-radius-tunnel-secret";
    static final String RADIUS_SECRET = "e2e-radius-secret";
    /** Not IOS's default {@code cisco}: proves {@code aaa.tunnel-authorization-password} reaches FreeRADIUS. */
    static final String LOOKUP_PASSWORD = "e2e-domain-lookup";
    static final String LOCAL_POOL = "pool-local";
    static final String RADIUS_POOL = "pool-radius";
    /** Static users per domain: the first STATICS subscribers of each domain. */
    static final int STATICS = 3;

    private E2eConfigs() {
    }

    /** Subscriber {@code i} (0-based) as the emulator names it with the three cycled --user-format entries. */
    static String user(int i) {
        return "u" + (i + 1) + "@" + DOMAINS.get(i % DOMAINS.size());
    }

    /** Whether subscriber {@code i} goes through the RADIUS-chosen group. */
    static boolean viaRadius(int i) {
        return i % DOMAINS.size() == 2;
    }

    /** The static address of subscriber {@code i}, if it has one (inside its group's pool, as the LNS requires). */
    static Optional<String> staticAddress(int i) {
        int nth = i / DOMAINS.size();
        if (nth >= STATICS) return Optional.empty();
        int domain = i % DOMAINS.size();
        return Optional.of(viaRadius(i) ? "10.62.3." + (240 + nth) : "10.61.3." + (240 + domain * STATICS + nth));
    }

    static String lns(int subscribers) {
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < subscribers; i++) {
            users.append("  - {name: \"").append(user(i)).append("\", password: \"").append(PASSWORD).append('"');
            staticAddress(i).ifPresent(a -> users.append(", static-address: ").append(a));
            users.append("}\n");
        }
        return """
                role: lns
                hostname: lns-e2e
                l2tp: {listen-address: 127.0.0.1, listen-port: 0, hello-interval: 60s, receive-window: 64}
                vpdn-groups:
                  - name: from-lac-local
                    accept-dialin: {virtual-template: "1"}
                    terminate-from: [lac-local]
                    tunnel-secret: "%s"
                  - name: from-lac-radius
                    accept-dialin: {virtual-template: "2"}
                    terminate-from: [lac-radius]
                    tunnel-secret: "%s"
                virtual-templates:
                  - {name: "1", local-address: 10.61.0.1, peer-pool: %s, auth-protocols: [chap, pap], keepalive-interval: 0s}
                  - {name: "2", local-address: 10.62.0.1, peer-pool: %s, auth-protocols: [chap, pap], keepalive-interval: 0s}
                ip-pools:
                  - {name: %s, first: 10.61.0.10, last: 10.61.3.250}
                  - {name: %s, first: 10.62.0.10, last: 10.62.3.250}
                aaa: {authentication: [local], accounting: []}
                admin: {address: 127.0.0.1, port: 0}
                metrics: {address: 127.0.0.1, port: 0}
                local-users:
                """.formatted(LOCAL_SECRET, RADIUS_TUNNEL_SECRET, LOCAL_POOL, RADIUS_POOL, LOCAL_POOL, RADIUS_POOL) + users;
    }

    static String lac(int lnsPort, int radiusAuthPort, int radiusAcctPort) {
        return """
                role: lac
                hostname: lac-e2e
                l2tp: {listen-address: 127.0.0.1, listen-port: 0, hello-interval: 60s, receive-window: 64}
                vpdn-groups:
                  - name: local-group
                    request-dialin: {domains: [alpha.example, beta.example]}
                    initiate-to:
                      - {address: 127.0.0.1, port: %d}
                    tunnel-secret: "%s"
                    local-name: lac-local
                radius-servers:
                  - {name: r1, address: 127.0.0.1, auth-port: %d, acct-port: %d, secret: "%s", timeout: 3s, retries: 2}
                aaa:
                  tunnel-authorization: [local, radius]
                  tunnel-authorization-password: "%s"
                admin: {address: 127.0.0.1, port: 0}
                metrics: {address: 127.0.0.1, port: 0}
                """.formatted(lnsPort, LOCAL_SECRET, radiusAuthPort, radiusAcctPort, RADIUS_SECRET, LOOKUP_PASSWORD);
    }

    /** FreeRADIUS's users file: the gamma.example domain profile (RFC 2868, one tag) for the LAC's lookup. */
    static String radiusUsers(int lnsPort) {
        return """
                gamma.example	Cleartext-Password := "%s"
                	Service-Type = Outbound-User,
                	Tunnel-Type:1 = L2TP,
                	Tunnel-Medium-Type:1 = IPv4,
                	Tunnel-Server-Endpoint:1 = "127.0.0.1:%d",
                	Tunnel-Password:1 = "%s",
                	Tunnel-Assignment-Id:1 = "radius-group",
                	Tunnel-Client-Auth-Id:1 = "lac-radius",
                	Tunnel-Preference:1 = 1
                """.formatted(LOOKUP_PASSWORD, lnsPort, RADIUS_TUNNEL_SECRET);
    }

    /** The emulator's options: N subscribers over the three domains, CHAP and PAP alternating. */
    static List<String> emulator(int subscribers, String rate, String reportFile) {
        List<String> a = new ArrayList<>();
        for (String d : DOMAINS) a.addAll(List.of("--user-format", "u%d@" + d));
        a.addAll(List.of("--subscribers", Integer.toString(subscribers), "--password", PASSWORD, "--auth", "chap,pap",
                "--rate", rate, "--pings", "1", "--ping-timeout", "10s", "--report", reportFile));
        return a;
    }
}
