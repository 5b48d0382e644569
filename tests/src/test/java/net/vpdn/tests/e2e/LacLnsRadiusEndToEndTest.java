package net.vpdn.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.vpdn.aaa.radius.FreeRadiusServer;
import net.vpdn.admin.cli.AdminClient;
import net.vpdn.runtime.launch.VpdnChild;
import net.vpdn.tests.peers.Eventually;
import net.vpdn.tests.peers.PeerTool;
import net.vpdn.tests.peers.RealPeers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #6's end-to-end acceptance: the LAC and the LNS as separate OS processes (started by {@link
 * VpdnChild}, the demo's launcher), a real FreeRADIUS for the LAC's domain lookups, and 1,000 emulated
 * subscribers over three domains and two vpdn-groups ({@link E2eConfigs}). Every subscriber must reach
 * IPCP with an address of its group's pool (or its static one), answer-checked ping, and hang up; then
 * neither process may hold a call, a session or a pool address, and the LNS's tunnels go when the LAC
 * stops. Skipped without FreeRADIUS unless {@code VPDN_REQUIRE_REAL_PEERS=1}.
 */
@RealPeers(value = PeerTool.FREERADIUS, root = false)
@DisplayName("1,000 subscribers through a LAC process and an LNS process, one group chosen by FreeRADIUS")
class LacLnsRadiusEndToEndTest {
    static final int SUBSCRIBERS = Integer.getInteger("vpdn.e2e.subscribers", 1000);
    static final String RATE = System.getProperty("vpdn.e2e.rate", "250/s");
    static final List<String> JVM = List.of("-Xmx384m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    @Test
    @DisplayName("all reach IPCP with their group's addresses, ping and hang up; nothing leaks on either side")
    void thousandSubscribers() throws Exception {
        FreeRadiusServer.assumeInstalled();
        // the processes' logs stay in target/ for a failed run to be read
        Path logs = Files.createDirectories(Path.of("target", "e2e-lac-lns"));
        Files.deleteIfExists(logs.resolve("lns.log"));
        Files.deleteIfExists(logs.resolve("lac.log"));
        Path report = dir.resolve("report.tsv");
        Files.writeString(dir.resolve("lns.yaml"), E2eConfigs.lns(SUBSCRIBERS));
        try (VpdnChild lns = VpdnChild.start(VpdnChild.Spec.lns(List.of("--config", dir.resolve("lns.yaml").toString()),
                logs.resolve("lns.log")).withJvmOptions(JVM).withEnv(Map.of("VPDN_LOG_LEVEL", "INFO")))) {
            VpdnChild.Ready lnsReady = lns.awaitReady(Duration.ofSeconds(60));
            int lnsPort = lnsReady.l2tp().getPort();
            try (FreeRadiusServer radius = FreeRadiusServer.start(E2eConfigs.RADIUS_SECRET, E2eConfigs.radiusUsers(lnsPort))) {
                Files.writeString(dir.resolve("lac.yaml"), E2eConfigs.lac(lnsPort, radius.authPort, radius.acctPort));
                List<String> args = new java.util.ArrayList<>(List.of("--config", dir.resolve("lac.yaml").toString()));
                args.addAll(E2eConfigs.emulator(SUBSCRIBERS, RATE, report.toString()));
                long started = System.nanoTime();
                try (VpdnChild lac = VpdnChild.start(VpdnChild.Spec.lac(args, logs.resolve("lac.log")).withJvmOptions(JVM)
                        .withEnv(Map.of("VPDN_LOG_LEVEL", "INFO")))) {
                    VpdnChild.Ready lacReady = lac.awaitReady(Duration.ofSeconds(60));
                    lac.awaitLine(l -> l.startsWith("result: "), Duration.ofSeconds(150), "its summary");
                    double seconds = (System.nanoTime() - started) / 1e9;
                    List<String> summary = lac.output().stream().filter(l -> !l.startsWith("vpdn lac ready")).toList();
                    System.out.printf("e2e: %d subscribers at %s, LAC start to summary %.1f s%n", SUBSCRIBERS, RATE, seconds);
                    summary.stream().filter(l -> !l.startsWith("  ")).forEach(l -> System.out.println("e2e: " + l));
                    Eventually.within(Duration.ofSeconds(10), () -> assertThat(report).exists());
                    checkReport(Files.readAllLines(report));
                    assertThat(summary).as(lac.logTail()).contains("result: all subscribers succeeded");
                    checkNothingHeld(lacReady, lnsReady);
                }
                // the LAC stopped (SIGTERM: StopCCN): the LNS's tunnels are down (at most in the RFC 2661 §5.7
                // hold that keeps a closed tunnel to acknowledge a retransmitted StopCCN), carrying nothing
                AdminClient lnsAdmin = admin(lnsReady);
                Eventually.within(Duration.ofSeconds(15), () -> assertThat(lnsAdmin.tunnels().tunnels())
                        .as("LNS tunnels after the LAC stopped").allSatisfy(t -> {
                            assertThat(t.state()).isNotEqualTo("established");
                            assertThat(t.sessions()).isZero();
                        }));
                assertThat(lnsAdmin.sessions().sessions()).isEmpty();
            }
        }
    }

    /** Every subscriber succeeded, with an address of its group's pool or its static one; CHAP and PAP both. */
    private static void checkReport(List<String> lines) {
        Map<String, String[]> byUser = new HashMap<>();
        for (String l : lines) {
            if (l.startsWith("#")) continue;
            String[] f = l.split("\t");
            byUser.put(f[0], f);
        }
        assertThat(byUser).hasSize(SUBSCRIBERS);
        int chap = 0;
        int pap = 0;
        for (int i = 0; i < SUBSCRIBERS; i++) {
            String user = E2eConfigs.user(i);
            String[] f = byUser.get(user);
            assertThat(f).as(user).isNotNull();
            assertThat(f[2]).as(user + " result").isEqualTo("ok");
            assertThat(f[4]).as(user + " pings").isEqualTo("1/1");
            String address = f[3];
            var expectedStatic = E2eConfigs.staticAddress(i);
            if (expectedStatic.isPresent()) {
                assertThat(address).as(user + " static address").isEqualTo(expectedStatic.get());
            } else {
                assertThat(address).as(user + " address from its group's pool")
                        .startsWith(E2eConfigs.viaRadius(i) ? "10.62." : "10.61.");
            }
            if (f[1].equals("PAP")) pap++;
            else chap++;
        }
        assertThat(chap).as("CHAP subscribers").isPositive();
        assertThat(pap).as("PAP subscribers").isPositive();
        assertThat(byUser.values().stream().map(f -> f[3]).distinct().count()).as("distinct addresses")
                .isEqualTo(SUBSCRIBERS);
    }

    /** After the last hang-up: no call or session on the LAC, no session and no leased address on the LNS. */
    private static void checkNothingHeld(VpdnChild.Ready lac, VpdnChild.Ready lns) throws Exception {
        AdminClient lacAdmin = admin(lac);
        AdminClient lnsAdmin = admin(lns);
        Eventually.within(Duration.ofSeconds(15), () -> {
            assertThat(lacAdmin.sessions().sessions()).as("LAC sessions").isEmpty();
            assertThat(lacAdmin.tunnels().tunnels()).as("LAC tunnels carry no session")
                    .allSatisfy(t -> assertThat(t.sessions()).isZero());
            assertThat(lnsAdmin.sessions().sessions()).as("LNS sessions").isEmpty();
            String lnsMetrics = scrape(lns);
            assertThat(metric(lnsMetrics, "vpdn_pool_addresses", "pool=\"" + E2eConfigs.LOCAL_POOL + "\"", "state=\"in_use\""))
                    .as("local pool in use").isZero();
            assertThat(metric(lnsMetrics, "vpdn_pool_addresses", "pool=\"" + E2eConfigs.RADIUS_POOL + "\"", "state=\"in_use\""))
                    .as("RADIUS group's pool in use").isZero();
            assertThat(metric(scrape(lac), "vpdn_lac_calls", "", "")).as("LAC calls in progress").isZero();
        });
        assertThat(lnsAdmin.tunnels().tunnels()).as("two tunnels: one per LAC host name (group)").hasSize(2);
    }

    private static AdminClient admin(VpdnChild.Ready ready) {
        return new AdminClient(URI.create(ready.adminUrl().orElseThrow()), null);
    }

    private static String scrape(VpdnChild.Ready ready) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ready.metricsUrl().orElseThrow() + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        }
    }

    /** The value of the sample of {@code name} whose labels contain both fragments. */
    static double metric(String scrape, String name, String label1, String label2) {
        return scrape.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> l.contains(label1) && l.contains(label2))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no sample " + name + " " + label1 + " " + label2
                        + " in:\n" + scrape.lines().filter(l -> l.startsWith(name)).toList()));
    }
}
