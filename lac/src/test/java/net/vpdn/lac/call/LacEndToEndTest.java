package net.vpdn.lac.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.lac.access.HangupCause;
import net.vpdn.lac.access.emulator.SubscriberProfile;
import net.vpdn.lac.access.emulator.SubscriberReport;
import net.vpdn.lac.select.LnsEndpoint;
import net.vpdn.lac.select.RefusalReason;
import net.vpdn.lac.select.SearchKey;
import net.vpdn.lac.select.StaticTunnelSelector;
import net.vpdn.lac.select.TunnelSet;
import net.vpdn.lac.testing.LacHarness;
import net.vpdn.lac.testing.LnsDouble;
import net.vpdn.lac.tunnel.TunnelPoolConfig;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.lcp.AuthMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Emulated subscribers dial through our LAC to an LNS over loopback UDP")
class LacEndToEndTest {
    private static final TunnelSecret SECRET = TunnelSecret.of("tunnel-secret");
    private static final int SUBSCRIBERS = 50;

    private LnsDouble lns;
    private LacHarness lac;

    @BeforeEach
    void start() throws Exception {
        Map<String, Secret> users = new HashMap<>();
        for (int i = 0; i < SUBSCRIBERS; i++) users.put(user(i), Secret.of("pw" + i));
        lns = new LnsDouble("lns1", SECRET, users);
        TunnelSet corp = new TunnelSet(1, "corp", List.of(new LnsEndpoint(lns.address(), 1, 1)), SECRET, "lac1", 0);
        StaticTunnelSelector selector = new StaticTunnelSelector(Map.of("corp.example", List.of(corp)), Map.of(),
                List.of(SearchKey.DOMAIN, SearchKey.DNIS));
        lac = new LacHarness(selector, new TunnelPoolConfig(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ZERO, net.vpdn.l2tp.tunnel.TunnelParams.defaults("lac1")));
    }

    @AfterEach
    void stop() {
        lac.close();
        lns.close();
    }

    private static String user(int i) {
        return "user" + i + "@corp.example";
    }

    private static SubscriberProfile profile(int i, int pings) {
        return new SubscriberProfile(user(i), Secret.of("pw" + i), "0311" + (100000 + i), "5550100",
                i % 2 == 0 ? AuthMethod.CHAP_MD5 : AuthMethod.PAP, pings, Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("50 CHAP and PAP subscribers reach IPCP, ping the LNS, hang up with CDN, and nothing is left")
    void fiftySubscribers() throws Exception {
        List<SubscriberProfile> profiles = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) profiles.add(profile(i, 2));
        CountDownLatch done = lac.dial(profiles, 500);
        assertThat(done.await(30, TimeUnit.SECONDS)).as("every subscriber reported").isTrue();

        assertThat(lac.reports).hasSize(SUBSCRIBERS).allSatisfy(r -> {
            assertThat(r.succeeded()).as(r.toString()).isTrue();
            assertThat(r.address()).isPresent();
            assertThat(r.pingsSent()).isEqualTo(2);
            assertThat(r.gateway()).contains(LnsDouble.GATEWAY);
        });
        assertThat(lac.reports.stream().map(r -> r.address().orElseThrow()).distinct()).hasSize(SUBSCRIBERS);
        assertThat(lns.adopted.get()).as("LNS adopted the proxied LCP").isEqualTo(SUBSCRIBERS);
        assertThat(lns.challengesSent.get()).as("no new CHAP challenge: proxied response verified").isZero();
        assertThat(lns.authenticated.get()).isEqualTo(SUBSCRIBERS);
        assertThat(lns.echoesAnswered.get()).isEqualTo(2 * SUBSCRIBERS);
        assertThat(lns.icrqs).allSatisfy(icrq -> {
            assertThat(icrq.callingNumber()).hasValueSatisfying(n -> assertThat(n).startsWith("0311"));
            assertThat(icrq.calledNumber()).contains("5550100");
            assertThat(icrq.bearerType()).contains(new Avp.BearerType(true, false));
        });

        awaitLnsSessionsDown(SUBSCRIBERS);
        assertThat(lns.sessionsDown).as("CDN from the LAC: loss of carrier").allSatisfy(c ->
                assertThat(c.resultCode()).isEqualTo(CdnResult.LOST_CARRIER.code()));
        assertThat(lac.onLoop(() -> lac.endpoint.engine().establishedSessions())).isZero();
        assertThat(lac.onLoop(() -> lac.service.activeCalls())).isZero();
        assertThat(lac.onLoop(() -> lac.pool.tunnelCount())).as("one tunnel, reused by every call").isEqualTo(1);
        assertThat(lac.pool.opened()).isEqualTo(1);
        assertThat(lac.onLoop(() -> lac.endpoint.engine().tunnels().getFirst().sessionCount())).isZero();
        assertThat(lac.service.counters().callsConnected()).isEqualTo(SUBSCRIBERS);
        assertThat(lac.service.counters().callsClearedBySubscriber()).isEqualTo(SUBSCRIBERS);
        assertThat(lac.onLoop(() -> lac.service.groupCalls("corp"))).isZero();
    }

    @Test
    @DisplayName("a subscriber hanging up is one INFO line per call, and nothing in a normal call is logged at WARN or above")
    void hangUpLogged() throws Exception {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("net.vpdn");
        ch.qos.logback.classic.Level before = log.getLevel();
        var lines = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        lines.start();
        log.addAppender(lines);
        log.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            CountDownLatch done = lac.dial(List.of(profile(0, 1), profile(1, 1), profile(2, 1)), 100);
            assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
            awaitLnsSessionsDown(3);
        } finally {
            log.setLevel(before);
            log.detachAppender(lines);
        }
        assertThat(lines.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN));
        assertThat(lines.list).filteredOn(e -> e.getFormattedMessage().startsWith("event=call-cleared-by-subscriber"))
                .hasSize(3).allSatisfy(e -> assertThat(e.getFormattedMessage()).matches(
                        "event=call-cleared-by-subscriber line=emu/\\d user=user\\d@corp.example state=RELAY tunnel=\\d+"
                                + " session=\\d+ cause=SUBSCRIBER"));
    }

    @Test
    @DisplayName("when the LNS clears a call, the subscriber gets LCP Terminate-Request and the line drops")
    void lnsClears() throws Exception {
        lns.clearOnPing = true;
        CountDownLatch done = lac.dial(List.of(profile(0, 1), profile(1, 1)), 100);
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(lac.reports).hasSize(2).allSatisfy(r -> {
            assertThat(r.ipcpUp()).isTrue();
            assertThat(r.terminateRequestSeen()).isTrue();
            assertThat(r.droppedBy()).contains(HangupCause.LNS_CLEARED);
        });
        assertThat(lac.service.counters().callsClearedByNetwork()).isEqualTo(2);
        assertThat(lac.onLoop(() -> lac.service.activeCalls())).isZero();
        assertThat(lac.onLoop(() -> lac.endpoint.engine().establishedSessions())).isZero();
    }

    @Test
    @DisplayName("a user whose domain matches no vpdn-group is refused with a reason, counted, and told")
    void unknownDomainRefused() throws Exception {
        SubscriberProfile eve = new SubscriberProfile("eve@elsewhere.example", Secret.of("x"), "0311999", "5550199",
                AuthMethod.CHAP_MD5, 1, Duration.ofSeconds(1));
        CountDownLatch done = lac.dial(List.of(eve), 10);
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        SubscriberReport r = lac.reports.peek();
        assertThat(r.ipcpUp()).isFalse();
        assertThat(r.authFailureSeen()).isTrue();
        assertThat(r.terminateRequestSeen()).isTrue();
        assertThat(r.droppedBy()).contains(HangupCause.REFUSED);
        assertThat(lac.service.counters().refusals(RefusalReason.NO_VPDN_MATCH)).isEqualTo(1);
        assertThat(lac.service.counters().callsConnected()).isZero();
        assertThat(lac.onLoop(() -> lac.service.activeCalls())).isZero();
        assertThat(lac.pool.opened()).as("no tunnel for a refused call").isZero();
    }

    private void awaitLnsSessionsDown(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lns.sessionsDown.size() < n && System.nanoTime() < deadline) {
            // Wait on the LAC loop's queue (a round trip), not on a clock: no fixed sleep.
            lac.onLoop(() -> 0);
            lns.endpoint().call(() -> 0).join();
        }
        assertThat(lns.sessionsDown).hasSize(n);
    }
}
