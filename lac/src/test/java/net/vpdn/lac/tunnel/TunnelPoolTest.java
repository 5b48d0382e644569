package net.vpdn.lac.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.engine.L2tpEngine;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.l2tp.tunnel.AcceptDecision;
import net.vpdn.l2tp.tunnel.TunnelParams;
import net.vpdn.l2tp.tunnel.TunnelState;
import net.vpdn.lac.loop.CallLoop;
import net.vpdn.lac.select.LnsEndpoint;
import net.vpdn.lac.select.TunnelSet;
import net.vpdn.lac.testing.VirtualNet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("TunnelPool in virtual time")
class TunnelPoolTest {
    static final TunnelSecret SECRET = TunnelSecret.of("s3cret");
    static final InetSocketAddress LAC = VirtualNet.addr("192.0.2.1");
    static final InetSocketAddress LNS_A = VirtualNet.addr("192.0.2.10");
    static final InetSocketAddress LNS_B = VirtualNet.addr("192.0.2.11");
    static final Duration CONNECT = Duration.ofSeconds(3);
    static final Duration HOLD_DOWN = Duration.ofSeconds(60);

    final VirtualNet vnet = new VirtualNet();
    final L2tpEngine lac = vnet.engine(LAC, "lac1", null, 1);
    final TunnelPool pool = new TunnelPool(lac, CallLoop.of(lac), RandomSource.seeded(3),
            new TunnelPoolConfig(CONNECT, HOLD_DOWN, Duration.ofSeconds(10), TunnelParams.defaults("lac1")));

    /** Records one acquire's outcome and when it came. */
    final class Outcome implements TunnelPool.Waiter {
        Tunnel tunnel;
        LnsEndpoint endpoint;
        String failure;
        long atNanos;

        @Override public void ready(Tunnel t, LnsEndpoint e) { tunnel = t; endpoint = e; atNanos = vnet.nowNanos(); }
        @Override public void failed(String detail) { failure = detail; atNanos = vnet.nowNanos(); }
        boolean done() { return tunnel != null || failure != null; }
    }

    void lnsAccepting(InetSocketAddress at, long seed) {
        vnet.engine(at, "lns" + seed, host -> new AcceptDecision.Accept(SECRET), seed);
    }

    static TunnelSet set(LnsEndpoint... endpoints) {
        return new TunnelSet(1, "corp", List.of(endpoints), SECRET, "lac1", 0);
    }

    Outcome acquire(TunnelSet set) {
        Outcome o = new Outcome();
        lac.run(() -> pool.acquire(set, o));
        assertThat(vnet.runUntil(o::done, Duration.ofSeconds(60))).as("acquire finished").isTrue();
        return o;
    }

    @Nested
    @DisplayName("reuse")
    class Reuse {
        @Test
        @DisplayName("a second call to the same LNS gets the established tunnel, and only one tunnel is opened")
        void secondCallReuses() {
            lnsAccepting(LNS_A, 10);
            TunnelSet s = set(new LnsEndpoint(LNS_A, 1, 1));
            Outcome first = acquire(s);
            Outcome second = acquire(s);
            assertThat(first.tunnel).isNotNull();
            assertThat(second.tunnel).isSameAs(first.tunnel);
            assertThat(pool.opened()).isEqualTo(1);
        }

        @Test
        @DisplayName("two calls arriving while the tunnel is still opening wait for the same tunnel")
        void concurrentCallsShareOpening() {
            lnsAccepting(LNS_A, 10);
            TunnelSet s = set(new LnsEndpoint(LNS_A, 1, 1));
            Outcome a = new Outcome();
            Outcome b = new Outcome();
            lac.run(() -> {
                pool.acquire(s, a);
                pool.acquire(s, b);
            });
            assertThat(vnet.runUntil(() -> a.done() && b.done(), Duration.ofSeconds(10))).isTrue();
            assertThat(b.tunnel).isSameAs(a.tunnel);
            assertThat(pool.opened()).isEqualTo(1);
        }

        @Test
        @DisplayName("an idle tunnel is cleared with StopCCN after the idle timeout")
        void idleTunnelCleared() {
            lnsAccepting(LNS_A, 10);
            Outcome o = acquire(set(new LnsEndpoint(LNS_A, 1, 1)));
            vnet.advance(Duration.ofSeconds(11));
            assertThat(pool.tunnelCount()).isZero();
            assertThat(o.tunnel.state()).isIn(TunnelState.CLOSING, TunnelState.CLOSED);
        }
    }

    @Nested
    @DisplayName("failover")
    class Failover {
        @Test
        @DisplayName("an LNS that does not answer is abandoned after the connect timeout for the next priority")
        void silentLnsFailsOver() {
            lnsAccepting(LNS_B, 11); // nothing at LNS_A
            long start = vnet.nowNanos();
            Outcome o = acquire(set(new LnsEndpoint(LNS_A, 1, 1), new LnsEndpoint(LNS_B, 2, 1)));
            assertThat(o.endpoint.address()).isEqualTo(LNS_B);
            assertThat(Duration.ofNanos(o.atNanos - start)).isBetween(CONNECT, CONNECT.plusMillis(100));
            assertThat(pool.failedLns()).isEqualTo(1);
            assertThat(pool.isHeldDown(LNS_A)).isTrue();
        }

        @Test
        @DisplayName("an LNS that refuses the tunnel (StopCCN) fails over at once, without waiting for the timeout")
        void refusingLnsFailsOver() {
            vnet.engine(LNS_A, "lnsA", host -> new AcceptDecision.Reject(StopCcnResult.NOT_AUTHORIZED, "go away"), 10);
            lnsAccepting(LNS_B, 11);
            long start = vnet.nowNanos();
            Outcome o = acquire(set(new LnsEndpoint(LNS_A, 1, 1), new LnsEndpoint(LNS_B, 2, 1)));
            assertThat(o.endpoint.address()).isEqualTo(LNS_B);
            assertThat(Duration.ofNanos(o.atNanos - start)).isLessThan(CONNECT);
        }

        @Test
        @DisplayName("when every LNS fails the caller hears why for each")
        void allFail() {
            Outcome o = acquire(set(new LnsEndpoint(LNS_A, 1, 1), new LnsEndpoint(LNS_B, 2, 1)));
            assertThat(o.failure).contains(LNS_A.toString()).contains(LNS_B.toString()).contains("no tunnel within");
        }
    }

    @Nested
    @DisplayName("hold-down")
    class HoldDown {
        @Test
        @DisplayName("a dead LNS is skipped during the hold-down, then tried again after it")
        void skippedThenRetried() {
            TunnelSet onlyA = set(new LnsEndpoint(LNS_A, 1, 1));
            Outcome first = acquire(onlyA);
            assertThat(first.failure).contains("no tunnel within");
            long opened = pool.opened();

            Outcome during = acquire(onlyA);
            assertThat(during.failure).contains("held down");
            assertThat(pool.opened()).as("no SCCRQ to a held-down LNS").isEqualTo(opened);
            assertThat(pool.heldDownSkips()).isEqualTo(1);

            lnsAccepting(LNS_A, 10); // the LNS comes back
            vnet.advance(HOLD_DOWN);
            Outcome after = acquire(onlyA);
            assertThat(after.tunnel).isNotNull();
            assertThat(pool.opened()).isEqualTo(opened + 1);
        }
    }

    @Test
    @DisplayName("load sharing: new tunnels spread over equal-priority LNSs by weight")
    void weightedSpread() {
        lnsAccepting(LNS_A, 10);
        lnsAccepting(LNS_B, 11);
        List<InetSocketAddress> chosen = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            TunnelSet s = new TunnelSet(1, "g" + i, List.of(new LnsEndpoint(LNS_A, 1, 1), new LnsEndpoint(LNS_B, 1, 3)),
                    SECRET, "lac-" + i, 0); // distinct local names: distinct tunnels
            chosen.add(acquire(s).endpoint.address());
        }
        long toB = chosen.stream().filter(LNS_B::equals).count();
        assertThat(toB).isBetween(22L, 38L); // expectation 30 of 40
    }
}
