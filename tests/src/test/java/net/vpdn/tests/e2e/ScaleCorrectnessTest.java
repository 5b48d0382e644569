package net.vpdn.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.vpdn.admin.cli.AdminClient;
import net.vpdn.runtime.launch.VpdnChild;
import net.vpdn.tests.peers.Eventually;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI-sized version of issue #9's ramp ({@code ./vpdn bench ramp}): 2,000 emulated subscribers over
 * 10 tunnels, an LNS process and a LAC process, HELLO and LCP echo running while every session is held.
 * It asserts correctness only, never timing: all 2,000 are up on the LNS at the same moment, none is
 * dropped (each reports IPCP, its ping answered and its own hang-up), every address is distinct, and
 * once they have hung up the LNS holds no session, no Virtual-Access interface and no pool address.
 * The bounds only keep a broken run short.
 */
@DisplayName("2,000 sessions over 10 tunnels through a LAC process and an LNS process: all up, none dropped, nothing leaked")
class ScaleCorrectnessTest {
    static final int SESSIONS = Integer.getInteger("vpdn.scale.sessions", 2000);
    static final int TUNNELS = 10;
    static final String PASSWORD = "scale-user-password";
    static final String SECRET = "scale-tunnel-secret";
    static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    @Test
    @DisplayName("every subscriber reaches IPCP, all are held at once with keepalives running, and all is released")
    void twoThousandSessions() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "scale"));
        Files.deleteIfExists(logs.resolve("lns.log"));
        Files.deleteIfExists(logs.resolve("lac.log"));
        Path report = dir.resolve("report.tsv");
        Files.writeString(dir.resolve("lns.yaml"), lnsConfig());
        Map<String, String> quiet = Map.of("VPDN_LOG_LEVEL", "WARN");
        try (VpdnChild lns = VpdnChild.start(VpdnChild.Spec.lns(List.of("--config", dir.resolve("lns.yaml").toString()),
                logs.resolve("lns.log")).withJvmOptions(JVM).withEnv(quiet))) {
            VpdnChild.Ready lnsReady = lns.awaitReady(Duration.ofSeconds(60));
            Files.writeString(dir.resolve("lac.yaml"), lacConfig(lnsReady.l2tp().getPort()));
            List<String> args = new ArrayList<>(List.of("--config", dir.resolve("lac.yaml").toString()));
            args.addAll(emulator(report));
            try (VpdnChild lac = VpdnChild.start(VpdnChild.Spec.lac(args, logs.resolve("lac.log")).withJvmOptions(JVM)
                    .withEnv(quiet))) {
                lac.awaitReady(Duration.ofSeconds(60));
                // all at once: the holds overlap, so the LNS must show every session established together
                Eventually.within(Duration.ofSeconds(120), () -> assertThat(
                        LacLnsRadiusEndToEndTest.metric(scrape(lnsReady), "vpdn_l2tp_sessions", "state=\"established\"", ""))
                        .as("LNS sessions established at once").isEqualTo(SESSIONS));
                assertThat(LacLnsRadiusEndToEndTest.metric(scrape(lnsReady), "vpdn_l2tp_tunnels", "state=\"established\"", ""))
                        .as("LNS tunnels: one per LAC group").isEqualTo(TUNNELS);
                lac.awaitLine(l -> l.startsWith("result: "), Duration.ofSeconds(180), "its summary");
                Eventually.within(Duration.ofSeconds(10), () -> assertThat(report).exists());
                checkReport(Files.readAllLines(report));
                assertThat(lac.output()).as(lac.logTail()).contains("result: all subscribers succeeded");
            }
            checkReleased(lnsReady);
        }
    }

    /** One line per subscriber: IPCP up, the ping answered, hung up by itself (not dropped), its own address. */
    private static void checkReport(List<String> lines) {
        Set<String> users = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (String l : lines) {
            if (l.startsWith("#")) continue;
            String[] f = l.split("\t");
            assertThat(f[2]).as(f[0] + " result").isEqualTo("ok");
            assertThat(f[4]).as(f[0] + " pings").isEqualTo("1/1");
            users.add(f[0]);
            addresses.add(f[3]);
        }
        assertThat(users).as("subscribers reported").hasSize(SESSIONS);
        assertThat(addresses).as("distinct addresses").hasSize(SESSIONS);
    }

    /** After every hang-up and the LAC's stop: no session, interface, address or established tunnel left on the LNS. */
    private static void checkReleased(VpdnChild.Ready lns) throws Exception {
        AdminClient admin = new AdminClient(URI.create(lns.adminUrl().orElseThrow()), null);
        Eventually.within(Duration.ofSeconds(30), () -> {
            String m = scrape(lns);
            assertThat(admin.sessions().sessions()).as("LNS sessions").isEmpty();
            assertThat(LacLnsRadiusEndToEndTest.metric(m, "vpdn_l2tp_sessions", "state=\"established\"", ""))
                    .as("L2TP sessions established").isZero();
            assertThat(LacLnsRadiusEndToEndTest.metric(m, "vpdn_pool_addresses", "pool=\"scale\"", "state=\"in_use\""))
                    .as("pool addresses in use").isZero();
            assertThat(LacLnsRadiusEndToEndTest.metric(m, "vpdn_lns_virtual_access", "", ""))
                    .as("Virtual-Access interfaces").isZero();
            assertThat(admin.tunnels().tunnels()).as("LNS tunnels after the LAC stopped")
                    .allSatisfy(t -> assertThat(t.sessions()).isZero());
        });
    }

    private static String scrape(VpdnChild.Ready ready) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ready.metricsUrl().orElseThrow() + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        }
    }

    static String user(int i) {
        return "s" + (i + 1) + "@t" + (i % TUNNELS) + ".scale";
    }

    private static String lnsConfig() {
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < SESSIONS; i++) {
            users.append("  - {name: \"").append(user(i)).append("\", password: ").append(PASSWORD).append("}\n");
        }
        return """
                role: lns
                hostname: scale-lns
                l2tp: {listen-address: 127.0.0.1, listen-port: 0, hello-interval: 5s, receive-window: 64}
                vpdn-groups:
                  - name: scale
                    accept-dialin: {virtual-template: "1"}
                    tunnel-secret: "%s"
                virtual-templates:
                  - {name: "1", local-address: 10.70.255.254, peer-pool: scale, auth-protocols: [chap, pap], keepalive-interval: 5s, keepalive-retries: 5}
                ip-pools:
                  - {name: scale, first: 10.70.0.1, last: 10.70.15.250}
                aaa: {authentication: [local], accounting: []}
                admin: {address: 127.0.0.1, port: 0}
                metrics: {address: 127.0.0.1, port: 0}
                local-users:
                """.formatted(SECRET) + users;
    }

    private static String lacConfig(int lnsPort) {
        StringBuilder y = new StringBuilder("""
                role: lac
                hostname: scale-lac
                l2tp: {listen-address: 127.0.0.1, listen-port: 0, hello-interval: 5s, receive-window: 64}
                admin: {address: 127.0.0.1, port: 0}
                metrics: {address: 127.0.0.1, port: 0}
                vpdn-groups:
                """);
        for (int t = 0; t < TUNNELS; t++) {
            y.append("  - {name: t").append(t).append(", request-dialin: {domains: [t").append(t).append(".scale]}, ")
                    .append("initiate-to: [{address: 127.0.0.1, port: ").append(lnsPort).append("}], tunnel-secret: \"")
                    .append(SECRET).append("\", local-name: scale-lac").append(t).append("}\n");
        }
        return y.toString();
    }

    /** Subscriber i is s(i+1)@t(i mod 10).scale; CHAP and PAP alternate; each holds 40 s after IPCP. */
    private static List<String> emulator(Path report) {
        List<String> a = new ArrayList<>();
        for (int t = 0; t < TUNNELS; t++) a.addAll(List.of("--user-format", "s%d@t" + t + ".scale"));
        a.addAll(List.of("--subscribers", Integer.toString(SESSIONS), "--password", PASSWORD, "--auth", "chap,pap",
                "--rate", "400/s", "--hold", "40s", "--pings", "1", "--ping-timeout", "10s", "--once",
                "--report", report.toString()));
        return a;
    }
}
