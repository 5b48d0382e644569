package net.vpdn.lns.process;

import static net.vpdn.lns.process.NoLeaks.assertNoLeaks;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.vpdn.aaa.acct.AccountingRecord;
import net.vpdn.aaa.radius.DisconnectListener;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.vtemplate.TerminateCause;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a session ends, through the process: each sends accounting Stop with its
 * Acct-Terminate-Cause, and afterwards no id, address, interface, route or admission slot is left.
 */
@DisplayName("Session teardown paths of the LNS process")
class TeardownTest {
    @TempDir
    Path dir;
    final ProcessFixture fixture = new ProcessFixture();

    /** A session up to accounting Start; returns the Start record. */
    private AccountingRecord up(TestLac lac, Tunnel tunnel) throws Exception {
        lac.dialToIpcp(tunnel, "alice@example.com", "alice-password");
        AccountingRecord start = fixture.next();
        assertThat(start.status()).isEqualTo(AccountingRecord.Status.START);
        return start;
    }

    private void assertStop(AccountingRecord start, TerminateCause cause) throws Exception {
        AccountingRecord stop = fixture.next();
        assertThat(stop.status()).isEqualTo(AccountingRecord.Status.STOP);
        assertThat(stop.acctSessionId()).isEqualTo(start.acctSessionId());
        assertThat(stop.terminateCause()).as("Acct-Terminate-Cause").hasValue(cause.radiusValue());
        assertThat(fixture.accounting).as("exactly one Stop").isEmpty();
    }

    @Test
    @DisplayName("peer StopCCN: Lost-Carrier")
    void peerStopCcn() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir)) {
            Tunnel t = lac.tunnel(lns.l2tpAddress());
            AccountingRecord start = up(lac, t);
            lac.endpoint.execute(() -> t.close(StopCcnResult.GENERAL_REQUEST_TO_CLEAR, ErrorCode.NO_GENERAL_ERROR, "bye"));
            assertStop(start, TerminateCause.LOST_CARRIER);
            assertNoLeaks(lns);
        }
    }

    @Test
    @DisplayName("peer CDN: Lost-Carrier")
    void peerCdn() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir)) {
            Tunnel t = lac.tunnel(lns.l2tpAddress());
            AccountingRecord start = up(lac, t);
            lac.endpoint.execute(() -> t.sessions().forEach(s ->
                    s.close(CdnResult.LOST_CARRIER, ErrorCode.NO_GENERAL_ERROR, "line dropped")));
            assertStop(start, TerminateCause.LOST_CARRIER);
            lac.awaitCallDown();
            assertNoLeaks(lns);
        }
    }

    @Test
    @DisplayName("peer CDN 3 (administrative: the LAC's operator cleared it): Admin-Reset")
    void peerAdministrativeCdn() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir)) {
            Tunnel t = lac.tunnel(lns.l2tpAddress());
            AccountingRecord start = up(lac, t);
            lac.endpoint.execute(() -> t.sessions().forEach(s ->
                    s.close(CdnResult.ADMINISTRATIVE, ErrorCode.NO_GENERAL_ERROR, "cleared")));
            assertStop(start, TerminateCause.ADMIN_RESET);
            lac.awaitCallDown();
            assertNoLeaks(lns);
        }
    }

    @Test
    @DisplayName("peer StopCCN 6 (the LAC is shutting down): Admin-Reboot")
    void peerShuttingDown() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir)) {
            Tunnel t = lac.tunnel(lns.l2tpAddress());
            AccountingRecord start = up(lac, t);
            lac.endpoint.execute(() -> t.close(StopCcnResult.SHUTTING_DOWN, ErrorCode.NO_GENERAL_ERROR, "shutting down"));
            assertStop(start, TerminateCause.ADMIN_REBOOT);
            assertNoLeaks(lns);
        }
    }

    @Test
    @DisplayName("admin clear session: Admin-Reset and a CDN to the LAC")
    void adminClearSession() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir)) {
            Tunnel t = lac.tunnel(lns.l2tpAddress());
            AccountingRecord start = up(lac, t);
            var ids = start.tunnel().orElseThrow().connectionId().split("/");
            assertThat(lns.clearSession(Integer.parseInt(ids[0]), Integer.parseInt(ids[1]))).isTrue();
            assertStop(start, TerminateCause.ADMIN_RESET);
            assertThat(lac.awaitCallDown().resultCode()).isEqualTo(CdnResult.ADMINISTRATIVE.code());
            assertNoLeaks(lns);
            assertThat(lns.clearSession(Integer.parseInt(ids[0]), Integer.parseInt(ids[1]))).as("gone").isFalse();
        }
    }

    @Test
    @DisplayName("admin clear tunnel: Admin-Reset, then StopCCN to the LAC")
    void adminClearTunnel() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir)) {
            Tunnel t = lac.tunnel(lns.l2tpAddress());
            AccountingRecord start = up(lac, t);
            int tunnelId = Integer.parseInt(start.tunnel().orElseThrow().connectionId().split("/")[0]);
            assertThat(lns.clearTunnel(tunnelId)).isTrue();
            assertStop(start, TerminateCause.ADMIN_RESET);
            assertThat(lac.awaitTunnelDown().resultCode()).isEqualTo(StopCcnResult.GENERAL_REQUEST_TO_CLEAR.code());
            assertNoLeaks(lns);
        }
    }

    @Test
    @DisplayName("RADIUS Disconnect-Request by Acct-Session-Id: Admin-Reset")
    void radiusDisconnect() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir)) {
            AccountingRecord start = up(lac, lac.tunnel(lns.l2tpAddress()));
            int ended = lns.disconnect(new DisconnectListener.Target.BySessionId(start.acctSessionId()))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(ended).isEqualTo(1);
            assertStop(start, TerminateCause.ADMIN_RESET);
            lac.awaitCallDown();
            assertNoLeaks(lns);
            assertThat(lns.disconnect(new DisconnectListener.Target.ByUserName("alice@example.com"))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS)).as("nothing left to end").isZero();
        }
    }

    @Test
    @DisplayName("idle timeout: Idle-Timeout")
    void idleTimeout() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir, "virtual-templates.0.idle-timeout=500ms",
                "virtual-templates.0.keepalive-interval=0")) {
            AccountingRecord start = up(lac, lac.tunnel(lns.l2tpAddress()));
            assertStop(start, TerminateCause.IDLE_TIMEOUT);
            lac.awaitCallDown();
            assertNoLeaks(lns);
        }
    }

    @Test
    @DisplayName("session timeout: Session-Timeout")
    void sessionTimeout() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir, "virtual-templates.0.session-timeout=500ms")) {
            AccountingRecord start = up(lac, lac.tunnel(lns.l2tpAddress()));
            assertStop(start, TerminateCause.SESSION_TIMEOUT);
            lac.awaitCallDown();
            assertNoLeaks(lns);
        }
    }

    @Test
    @DisplayName("LCP echo failure (the subscriber stops answering): Lost-Carrier")
    void echoFailure() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir, "virtual-templates.0.keepalive-interval=500ms",
                "virtual-templates.0.keepalive-retries=1")) {
            AccountingRecord start = up(lac, lac.tunnel(lns.l2tpAddress()));
            lac.deaf = true;
            assertStop(start, TerminateCause.LOST_CARRIER);
            lac.awaitCallDown();
            assertNoLeaks(lns);
        }
    }

    @Test
    @DisplayName("hello timeout (the LAC vanishes without a word): Lost-Carrier, and the tunnel is gone")
    void helloTimeout() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir, "l2tp.hello-interval=500ms",
                "l2tp.retransmit-initial=500ms", "l2tp.retransmit-retries=1");
             UdpCut relay = new UdpCut(lns.l2tpAddress())) {
            AccountingRecord start = up(lac, lac.tunnel(relay.address()));
            relay.cut();
            assertStop(start, TerminateCause.LOST_CARRIER);
            assertNoLeaks(lns);
        }
    }

    @Test
    @DisplayName("clean shutdown: Admin-Reboot, CDN for the call and StopCCN (shutting down) for the tunnel")
    void shutdown() throws Exception {
        try (TestLac lac = new TestLac()) {
            LnsProcess lns = fixture.start(dir);
            AccountingRecord start = up(lac, lac.tunnel(lns.l2tpAddress()));
            lns.close();
            assertStop(start, TerminateCause.ADMIN_REBOOT);
            assertThat(lac.awaitCallDown().resultCode()).as("CDN result").isEqualTo(CdnResult.ADMINISTRATIVE.code());
            assertThat(lac.awaitTunnelDown().resultCode()).as("StopCCN result")
                    .isEqualTo(StopCcnResult.SHUTTING_DOWN.code());
        }
    }
}
