package net.vpdn.lac.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.engine.CallAcceptor;
import net.vpdn.l2tp.engine.L2tpEngine;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.tunnel.AcceptDecision;
import net.vpdn.l2tp.tunnel.TunnelParams;
import net.vpdn.lac.access.HangupCause;
import net.vpdn.lac.access.emulator.SubscriberEmulator;
import net.vpdn.lac.access.emulator.SubscriberProfile;
import net.vpdn.lac.access.emulator.SubscriberReport;
import net.vpdn.lac.loop.CallLoop;
import net.vpdn.lac.select.LnsEndpoint;
import net.vpdn.lac.select.RefusalReason;
import net.vpdn.lac.select.Selection;
import net.vpdn.lac.select.TunnelSelector;
import net.vpdn.lac.select.TunnelSet;
import net.vpdn.lac.select.UserNameParser;
import net.vpdn.lac.testing.LacHarness;
import net.vpdn.lac.testing.VirtualNet;
import net.vpdn.lac.tunnel.TunnelPool;
import net.vpdn.lac.tunnel.TunnelPoolConfig;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.lcp.AuthMethod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The LAC's call in virtual time over {@link VirtualNet}: an LNS that clears the call before it connects
 * (CDN in answer to ICRQ/ICCN) sends the call on to the set's next LNS and then to the next set in
 * Tunnel-Preference order; and the call setup timeout clears a call stuck in any phase.
 */
@DisplayName("LAC call: retry after CDN before connect, and the call setup timeout (virtual time)")
class LacCallRetryTest {
    static final TunnelSecret SECRET = TunnelSecret.of("retry-secret");
    static final InetSocketAddress LAC = VirtualNet.addr("192.0.2.1");
    static final InetSocketAddress LNS_A = VirtualNet.addr("192.0.2.10");
    static final InetSocketAddress LNS_B = VirtualNet.addr("192.0.2.11");
    static final Duration SETUP_TIMEOUT = Duration.ofSeconds(12);

    final VirtualNet vnet = new VirtualNet();
    final L2tpEngine lacEngine = vnet.engine(LAC, "lac1", null, 1);
    final CallLoop loop = CallLoop.of(lacEngine);
    final TunnelPool pool = new TunnelPool(lacEngine, loop, RandomSource.seeded(3),
            new TunnelPoolConfig(Duration.ofSeconds(3), Duration.ofSeconds(60), Duration.ofSeconds(10), TunnelParams.defaults("lac1")));
    final LacCounters counters = new LacCounters();
    final List<SubscriberReport> reports = new ArrayList<>();
    final AtomicInteger icrqsA = new AtomicInteger();
    final AtomicInteger icrqsB = new AtomicInteger();

    /** Frames towards the LNS are dropped: these LNSs run no PPP; the call's connect is what is observed. */
    static final DataPath DROP = new DataPath() {
        @Override public void send(Session session, ByteBuf frame) { frame.release(); }
        @Override public void flush() { }
    };

    LacService service(TunnelSelector selector) {
        return new LacService(new LacCallConfig(LacHarness.lacPpp(), UserNameParser.suffix('@'), SETUP_TIMEOUT), selector,
                pool, loop, DROP, PppRandom.seeded(9), counters);
    }

    void lns(InetSocketAddress at, CallAcceptor calls, long seed) {
        vnet.engine(at, "lns" + seed, host -> new AcceptDecision.Accept(SECRET), calls, seed);
    }

    static CallAcceptor refusing(AtomicInteger icrqs) {
        return (s, p) -> {
            icrqs.incrementAndGet();
            s.reject(CdnResult.PERMANENT_LACK_OF_RESOURCES, ErrorCode.NO_GENERAL_ERROR, "no room for this call");
        };
    }

    static CallAcceptor answering(AtomicInteger icrqs) {
        return (s, p) -> {
            icrqs.incrementAndGet();
            s.answer();
        };
    }

    static TunnelSet set(int preference, String group, LnsEndpoint... endpoints) {
        return new TunnelSet(preference, group, List.of(endpoints), SECRET, "lac1", 0);
    }

    void dial(LacService service, AuthMethod auth) {
        SubscriberProfile p = new SubscriberProfile("alice@corp.example", Secret.of("alicepass"), "0311100001", "",
                auth, 0, Duration.ofSeconds(1));
        new SubscriberEmulator(loop, List.of(p), 1, PppRandom.seeded(10), reports::add).start(service);
    }

    @Nested
    @DisplayName("CDN before connect")
    class CdnBeforeConnect {
        @Test
        @DisplayName("moves the call to the set's next LNS by priority; the refusing LNS is not held down")
        void nextLnsOfTheSet() {
            lns(LNS_A, refusing(icrqsA), 10);
            lns(LNS_B, answering(icrqsB), 11);
            LacService service = service((k, answer) -> answer.accept(new Selection.Tunnels(List.of(
                    set(1, "corp", new LnsEndpoint(LNS_A, 1, 1), new LnsEndpoint(LNS_B, 2, 1))))));
            dial(service, AuthMethod.CHAP_MD5);
            assertThat(vnet.runUntil(() -> counters.callsConnected() == 1, Duration.ofSeconds(20))).isTrue();
            assertThat(icrqsA).as("ICRQs to the first LNS (it cleared the call)").hasValue(1);
            assertThat(icrqsB).as("ICRQs to the second LNS").hasValue(1);
            assertThat(counters.lnsRefusedAttempts()).isEqualTo(1);
            assertThat(counters.refusals(RefusalReason.LNS_REFUSED)).isZero();
            assertThat(pool.isHeldDown(LNS_A)).as("a CDN does not hold the LNS down").isFalse();
            assertThat(service.calls()).singleElement().satisfies(c -> assertThat(c.state()).isEqualTo(CallState.RELAY));
        }

        @Test
        @DisplayName("moves the call to the next tunnel set in Tunnel-Preference order")
        void nextSetByPreference() {
            lns(LNS_A, refusing(icrqsA), 10);
            lns(LNS_B, answering(icrqsB), 11);
            // given out of order: the selector's contract is sorted, the call must still try preference 1 first
            LacService service = service((k, answer) -> answer.accept(new Selection.Tunnels(List.of(
                    set(1, "first", new LnsEndpoint(LNS_A, 1, 1)), set(2, "second", new LnsEndpoint(LNS_B, 1, 1))))));
            dial(service, AuthMethod.PAP);
            assertThat(vnet.runUntil(() -> counters.callsConnected() == 1, Duration.ofSeconds(20))).isTrue();
            assertThat(icrqsA).hasValue(1);
            assertThat(icrqsB).hasValue(1);
            assertThat(service.calls()).singleElement().satisfies(c -> assertThat(c.group()).isEqualTo("second"));
            assertThat(service.groupCalls("first")).as("the first set's reservation was given back").isZero();
            assertThat(service.groupCalls("second")).isEqualTo(1);
        }

        @Test
        @DisplayName("'temporary lack of resources' (CDN 4, admission control) from the only LNS: asked again after a back-off")
        void busyLnsAskedAgain() {
            AtomicInteger busyAnswers = new AtomicInteger(2);
            lns(LNS_A, (s, p) -> {
                icrqsA.incrementAndGet();
                if (busyAnswers.getAndDecrement() > 0) {
                    s.reject(CdnResult.TEMPORARY_LACK_OF_RESOURCES, ErrorCode.NO_GENERAL_ERROR, "busy, retry");
                } else {
                    s.answer();
                }
            }, 10);
            LacService service = service((k, answer) -> answer.accept(new Selection.Tunnels(List.of(
                    set(1, "corp", new LnsEndpoint(LNS_A, 1, 1))))));
            dial(service, AuthMethod.CHAP_MD5);
            assertThat(vnet.runUntil(() -> icrqsA.get() == 1, Duration.ofSeconds(5))).isTrue();
            long firstIcrq = vnet.nowNanos();
            assertThat(vnet.runUntil(() -> counters.callsConnected() == 1, SETUP_TIMEOUT)).isTrue();
            assertThat(icrqsA).as("two busy answers, then the call").hasValue(3);
            assertThat(Duration.ofNanos(vnet.nowNanos() - firstIcrq)).as("two back-offs (50..100 ms, then 100..200 ms)")
                    .isBetween(Duration.ofMillis(150), Duration.ofMillis(400));
            assertThat(counters.lnsRefusedAttempts()).isEqualTo(2);
            assertThat(counters.refusals(RefusalReason.LNS_REFUSED)).isZero();
            assertThat(service.groupCalls("corp")).isEqualTo(1);
        }

        @Test
        @DisplayName("a busy LNS that stays busy: the call ends at the setup timeout, counted as SETUP_TIMEOUT")
        void busyUntilTimeout() {
            lns(LNS_A, (s, p) -> {
                icrqsA.incrementAndGet();
                s.reject(CdnResult.TEMPORARY_LACK_OF_RESOURCES, ErrorCode.NO_GENERAL_ERROR, "busy, retry");
            }, 10);
            LacService service = service((k, answer) -> answer.accept(new Selection.Tunnels(List.of(
                    set(1, "corp", new LnsEndpoint(LNS_A, 1, 1))))));
            dial(service, AuthMethod.PAP);
            assertThat(vnet.runUntil(() -> !reports.isEmpty(), SETUP_TIMEOUT.plusSeconds(5))).isTrue();
            assertThat(counters.refusals(RefusalReason.SETUP_TIMEOUT)).isEqualTo(1);
            assertThat(icrqsA.get()).as("asked again with back-off, not in a tight loop").isBetween(5, 15);
            assertThat(service.groupCalls("corp")).isZero();
            assertThat(service.activeCalls()).isZero();
        }

        @Test
        @DisplayName("every LNS refusing: the call is refused as LNS_REFUSED, the subscriber told")
        void allRefuse() {
            lns(LNS_A, refusing(icrqsA), 10);
            lns(LNS_B, refusing(icrqsB), 11);
            LacService service = service((k, answer) -> answer.accept(new Selection.Tunnels(List.of(
                    set(1, "first", new LnsEndpoint(LNS_A, 1, 1)), set(2, "second", new LnsEndpoint(LNS_B, 1, 1))))));
            dial(service, AuthMethod.CHAP_MD5);
            assertThat(vnet.runUntil(() -> !reports.isEmpty(), Duration.ofSeconds(20))).isTrue();
            assertThat(icrqsA).hasValue(1);
            assertThat(icrqsB).hasValue(1);
            assertThat(counters.refusals(RefusalReason.LNS_REFUSED)).isEqualTo(1);
            assertThat(reports.getFirst().droppedBy()).contains(HangupCause.REFUSED);
            assertThat(reports.getFirst().authFailureSeen()).isTrue();
            assertThat(service.activeCalls()).isZero();
        }
    }

    @Nested
    @DisplayName("call setup timeout")
    class SetupTimeout {
        @Test
        @DisplayName("a selection that never answers: cleared at the timeout, not before; Terminate-Request sent")
        void selectionNeverAnswers() {
            LacService service = service((k, answer) -> { });
            dial(service, AuthMethod.CHAP_MD5);
            vnet.advance(SETUP_TIMEOUT.minusMillis(100));
            assertThat(counters.refusals(RefusalReason.SETUP_TIMEOUT)).as("before the timeout").isZero();
            assertThat(service.activeCalls()).isEqualTo(1);
            vnet.advance(Duration.ofMillis(200));
            assertThat(counters.refusals(RefusalReason.SETUP_TIMEOUT)).isEqualTo(1);
            assertThat(service.activeCalls()).isZero();
            assertThat(vnet.runUntil(() -> !reports.isEmpty(), Duration.ofSeconds(5))).isTrue();
            assertThat(reports.getFirst().terminateRequestSeen()).as("LCP Terminate-Request to the subscriber").isTrue();
            assertThat(reports.getFirst().droppedBy()).contains(HangupCause.REFUSED);
        }

        @Test
        @DisplayName("an LNS that never answers the ICRQ: the call's session is closed (CDN) at the timeout, the subscriber dropped")
        void lnsNeverAnswers() {
            lns(LNS_A, (s, p) -> icrqsA.incrementAndGet(), 10);
            LacService service = service((k, answer) -> answer.accept(new Selection.Tunnels(List.of(
                    set(1, "corp", new LnsEndpoint(LNS_A, 1, 1))))));
            dial(service, AuthMethod.PAP);
            assertThat(vnet.runUntil(() -> icrqsA.get() == 1, Duration.ofSeconds(5))).isTrue();
            assertThat(lacEngine.tunnels()).singleElement().satisfies(t -> assertThat(t.sessionCount()).isEqualTo(1));
            assertThat(vnet.runUntil(() -> !reports.isEmpty(), SETUP_TIMEOUT.plusSeconds(2))).isTrue();
            assertThat(counters.refusals(RefusalReason.SETUP_TIMEOUT)).isEqualTo(1);
            assertThat(counters.callsConnected()).isZero();
            assertThat(reports.getFirst().terminateRequestSeen()).as("LCP Terminate-Request to the subscriber").isTrue();
            assertThat(lacEngine.tunnels()).as("the placed session was cleared with CDN")
                    .allSatisfy(t -> assertThat(t.sessionCount()).isZero());
            assertThat(service.groupCalls("corp")).isZero();
        }
    }
}
