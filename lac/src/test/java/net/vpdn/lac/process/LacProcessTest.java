package net.vpdn.lac.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.lac.access.HangupCause;
import net.vpdn.lac.access.emulator.SubscriberReport;
import net.vpdn.lac.select.RefusalReason;
import net.vpdn.lac.testing.LnsDouble;
import net.vpdn.ppp.auth.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The LAC process, in the JVM, with the emulator against an LNS double over loopback UDP")
class LacProcessTest {
    static final int N = 20;

    @TempDir
    Path dir;

    LnsDouble lns;

    @BeforeEach
    void startLns() throws Exception {
        Map<String, Secret> users = new HashMap<>();
        for (int i = 1; i <= N; i++) users.put("user" + i + "@example.com", Secret.of("pw"));
        users.put("dial@other.example", Secret.of("pw"));
        lns = new LnsDouble("lns1", TunnelSecret.of(TestConfigs.SECRET), users);
    }

    @AfterEach
    void stopLns() {
        lns.close();
    }

    LacProcess start(String... options) throws Exception {
        return start(new String[0], options);
    }

    LacProcess start(String[] sets, String... options) throws Exception {
        var access = (AccessOptions.Parsed.Ok) AccessOptions.parse(List.of(options));
        return LacProcess.start(TestConfigs.toLns(dir, lns.address().getPort(), sets), access.options());
    }

    static String get(java.net.InetSocketAddress at, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + at.getPort() + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Waits for a condition of another thread; the test fails if it does not hold in time. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited for " + what).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    @DisplayName("20 subscribers reach IPCP, ping, hang up; the summary says so and no call, session or tunnel is left")
    void subscribersSucceed() throws Exception {
        try (LacProcess lac = start("--subscribers", String.valueOf(N), "--password", "pw", "--rate", "200/s",
                "--pings", "2", "--auth", "pap")) {
            List<SubscriberReport> reports = lac.finished().get(20, TimeUnit.SECONDS);
            assertThat(reports).hasSize(N).allSatisfy(r -> assertThat(r.succeeded()).as(r.toString()).isTrue());
            EmulatorSummary summary = lac.summary();
            assertThat(summary.allSucceeded()).isTrue();
            assertThat(summary.reachedIpcp()).isEqualTo(N);
            assertThat(summary.setupPercentile(99)).isPositive().isGreaterThanOrEqualTo(summary.setupPercentile(50));
            assertThat(summary.lines()).first().asString().contains("20 reached IPCP, 20 succeeded; pings 40/40 answered");
            assertThat(lac.counters().callsConnected()).isEqualTo(N);
            assertThat(lac.counters().callsClearedBySubscriber()).isEqualTo(N);
            await(() -> lac.calls().isEmpty(), "every call to finish");
            await(() -> lns.sessions() == 0, "the LNS to release every session");
            assertThat(lns.sessionsDown).hasSize(N).allSatisfy(c -> assertThat(c.resultCode()).isEqualTo(CdnResult.LOST_CARRIER.code()));
            assertThat(lac.tunnels()).as("one tunnel carried every call").hasSize(1);
        }
    }

    @Test
    @DisplayName("--warmup: the warm-up calls reach the LNS and hang up first, only the subscribers are reported")
    void warmupFirst() throws Exception {
        try (LacProcess lac = start("--subscribers", "4", "--password", "pw", "--rate", "200/s", "--pings", "1",
                "--warmup", "6")) {
            assertThat(lac.warmedUp().get(20, TimeUnit.SECONDS)).isEqualTo("emulator: warm-up done: 6 of 6 reached IPCP");
            List<SubscriberReport> reports = lac.finished().get(20, TimeUnit.SECONDS);
            assertThat(reports).hasSize(4).allSatisfy(r -> assertThat(r.succeeded()).as(r.toString()).isTrue());
            assertThat(reports).allSatisfy(r -> assertThat(r.pingsAnswered()).isEqualTo(1));
            assertThat(lac.summary().reachedIpcp()).isEqualTo(4);
            assertThat(lns.icrqs).as("six warm-up calls, then four").hasSize(10);
            assertThat(lac.counters().callsConnected()).isEqualTo(10);
        }
    }

    @Test
    @DisplayName("a user of an unknown domain on an unknown DNIS is refused: NO_VPDN_MATCH counted, in the summary and in /metrics")
    void noMatchRefused() throws Exception {
        try (LacProcess lac = start("--user", "eve@nowhere.example:pw", "--called", "999")) {
            SubscriberReport eve = lac.finished().get(20, TimeUnit.SECONDS).getFirst();
            assertThat(eve.ipcpUp()).isFalse();
            assertThat(eve.authFailureSeen()).isTrue();
            assertThat(eve.droppedBy()).contains(HangupCause.REFUSED);
            assertThat(lac.counters().refusals(RefusalReason.NO_VPDN_MATCH)).isEqualTo(1);
            assertThat(lac.summary().allSucceeded()).isFalse();
            assertThat(lac.summary().lines()).contains("refused: NO_VPDN_MATCH=1");
            assertThat(lns.icrqs).as("nothing reached the LNS").isEmpty();
            String metrics = get(lac.metricsAddress().orElseThrow(), "/metrics");
            assertThat(metrics).contains("vpdn_lac_calls_refused_total{reason=\"no_vpdn_match\"} 1.0")
                    .contains("vpdn_lac_calls_offered_total 1.0")
                    .contains("vpdn_session_setups_total{result=\"no_vpdn_match\"} 1.0");
        }
    }

    @Test
    @DisplayName("a user of another domain calling 5551234 is tunnelled by the DNIS group")
    void dnisGroup() throws Exception {
        try (LacProcess lac = start("--user", "dial@other.example:pw", "--called", "5551234", "--pings", "1")) {
            SubscriberReport r = lac.finished().get(20, TimeUnit.SECONDS).getFirst();
            assertThat(r.succeeded()).as(r.toString()).isTrue();
            assertThat(lns.icrqs).hasSize(1);
        }
    }

    @Test
    @DisplayName("the admin API lists calls with user, access line and tunnel; closing clears them with CDN 3 and StopCCN")
    void shutdownClears() throws Exception {
        LacProcess lac = start(new String[] {"admin.enabled=true", "admin.port=0"},
                "--subscribers", "3", "--password", "pw", "--rate", "100", "--pings", "0", "--hold", "1h");
        try {
            await(() -> lac.counters().callsConnected() == 3 && lns.sessions() == 3, "three calls up");
            assertThat(lac.calls()).hasSize(3).allSatisfy(c -> {
                assertThat(c.group()).isEqualTo("example-com");
                assertThat(c.tunnelId()).isPositive();
                assertThat(c.user()).endsWith("@example.com");
            });
            String sessions = get(lac.adminAddress().orElseThrow(), "/api/sessions");
            assertThat(sessions).contains("\"role\":\"lac\"").contains("\"user\":\"user1@example.com\"")
                    .contains("\"interfaceName\":\"emu/0\"").contains("\"state\":\"established\"");
            String tunnels = get(lac.adminAddress().orElseThrow(), "/api/tunnels");
            assertThat(tunnels).contains("\"peerHostName\":\"lns1\"").contains("\"sessions\":3")
                    .contains("\"groupName\":\"example-com\"");
        } finally {
            lac.close();
        }
        assertThat(lac.finished().get(5, TimeUnit.SECONDS)).hasSize(3)
                .allSatisfy(r -> assertThat(r.droppedBy()).contains(HangupCause.ADMINISTRATIVE));
        await(() -> lns.sessions() == 0, "the LNS to release every session");
        assertThat(lns.sessionsDown).hasSize(3).allSatisfy(c -> assertThat(c.resultCode()).isEqualTo(CdnResult.ADMINISTRATIVE.code()));
        await(() -> lns.endpoint().call(() -> lns.endpoint().engine().tunnels().stream()
                .noneMatch(t -> t.state() == net.vpdn.l2tp.tunnel.TunnelState.ESTABLISHED)).join(), "the LNS to see StopCCN");
    }
}
