package net.vpdn.lns.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.vpdn.aaa.acct.AccountingRecord;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.engine.Tunnel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Per-group tunnel and session limits and the per-user session limit, through the process")
class LimitsTest {
    @TempDir
    Path dir;
    final ProcessFixture fixture = new ProcessFixture();

    /** The samples of this process's scrape, by series as rendered. */
    static Map<String, Double> metrics(LnsProcess lns) {
        Map<String, Double> m = new HashMap<>();
        for (String line : lns.scrapeMetrics().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int sp = line.lastIndexOf(' ');
                m.put(line.substring(0, sp), Double.parseDouble(line.substring(sp + 1)));
            }
        }
        return m;
    }

    @Test
    @DisplayName("over the group's tunnel-limit an SCCRQ gets StopCCN result 2, error 4; a freed slot is reusable")
    void tunnelLimit() throws Exception {
        try (LnsProcess lns = fixture.start(dir, "vpdn-groups.0.tunnel-limit=1");
             TestLac first = new TestLac(); TestLac second = new TestLac(); TestLac third = new TestLac()) {
            Tunnel up = first.tunnel(lns.l2tpAddress());
            CompletableFuture<Tunnel> refused = second.openTunnel(lns.l2tpAddress(), "lac1", ProcessFixture.SECRET);
            Avp.ResultCode stop = second.awaitTunnelDown();
            assertThat(refused).isCompletedExceptionally();
            assertThat(stop.resultCode()).isEqualTo(StopCcnResult.GENERAL_ERROR.code());
            assertThat(stop.errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_RESOURCES.code());
            assertThat(stop.errorMessage()).isEqualTo("tunnel-limit 1 of vpdn-group from-lac1 reached");
            assertThat(metrics(lns)).containsEntry("vpdn_tunnel_setups_total{result=\"tunnel_limit\"}", 1.0);

            assertThat(lns.clearTunnel(up.peerId())).isTrue();
            first.awaitTunnelDown();
            assertThat(third.tunnel(lns.l2tpAddress())).as("the cleared tunnel's slot is free again").isNotNull();
        }
    }

    @Test
    @DisplayName("over the group's session-limit an ICRQ gets CDN result 4, counted as session_limit")
    void sessionLimit() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir, "vpdn-groups.0.session-limit=1")) {
            Tunnel t = lac.tunnel(lns.l2tpAddress());
            lac.dialToIpcp(t, "alice@example.com", "alice-password");
            Avp.ResultCode refused = lac.bareCall(t).get(10, TimeUnit.SECONDS);
            assertThat(refused.resultCode()).isEqualTo(CdnResult.TEMPORARY_LACK_OF_RESOURCES.code());
            assertThat(metrics(lns)).containsEntry("vpdn_session_setups_total{result=\"session_limit\"}", 1.0);
        }
    }

    @Test
    @DisplayName("user-session-limit 1: the same user's second session is refused with a CDN, another user and a later retry get in")
    void userSessionLimit() throws Exception {
        try (LnsProcess lns = fixture.start(dir, "vpdn-groups.0.user-session-limit=1");
             TestLac a = new TestLac(); TestLac b = new TestLac(); TestLac c = new TestLac(); TestLac d = new TestLac()) {
            TestLac.assertUp(a.dialToIpcp(a.tunnel(lns.l2tpAddress()), "alice@example.com", "alice-password"), "10.99.0.");
            assertThat(fixture.next().status()).isEqualTo(AccountingRecord.Status.START);

            b.dial(b.tunnel(lns.l2tpAddress()), "alice@example.com", "alice-password");
            Avp.ResultCode cdn = b.awaitCallDown();
            assertThat(cdn.resultCode()).isNotEqualTo(CdnResult.LOST_CARRIER.code());
            assertThat(b.ipcp).isNotDone();
            assertThat(metrics(lns)).containsEntry("vpdn_session_setups_total{result=\"user_session_limit\"}", 1.0)
                    .doesNotContainKey("vpdn_session_setups_total{result=\"failed\"}");

            TestLac.assertUp(c.dialToIpcp(c.tunnel(lns.l2tpAddress()), "bob@example.com", "bob-password"), "10.99.0.");
            assertThat(fixture.next().userName()).contains("bob@example.com");

            a.hangUp();
            assertThat(fixture.next().status()).isEqualTo(AccountingRecord.Status.STOP);
            TestLac.assertUp(d.dialToIpcp(d.tunnel(lns.l2tpAddress()), "alice@example.com", "alice-password"), "10.99.0.");
        }
    }

    @Test
    @DisplayName("the user's own limit (local session-limit, as RADIUS Port-Limit) overrides the group's")
    void userOwnLimitOverrides() throws Exception {
        try (LnsProcess lns = fixture.start(dir, "vpdn-groups.0.user-session-limit=1", "local-users.0.session-limit=2");
             TestLac a = new TestLac(); TestLac b = new TestLac(); TestLac c = new TestLac()) {
            a.dialToIpcp(a.tunnel(lns.l2tpAddress()), "alice@example.com", "alice-password");
            b.dialToIpcp(b.tunnel(lns.l2tpAddress()), "alice@example.com", "alice-password");
            c.dial(c.tunnel(lns.l2tpAddress()), "alice@example.com", "alice-password");
            c.awaitCallDown();
            assertThat(c.ipcp).isNotDone();
            assertThat(metrics(lns)).containsEntry("vpdn_session_setups_total{result=\"user_session_limit\"}", 1.0);
        }
    }

    @Test
    @DisplayName("accounting-interim-interval: Interim-Updates carry session time and counters, then the Stop")
    void interimUpdates() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir, "aaa.accounting-interim-interval=1s")) {
            var ipcp = lac.dialToIpcp(lac.tunnel(lns.l2tpAddress()), "alice@example.com", "alice-password");
            AccountingRecord start = fixture.next();
            assertThat(start.status()).isEqualTo(AccountingRecord.Status.START);
            lac.ping(ipcp.localAddress(), ipcp.peerAddress(), 1).get(10, TimeUnit.SECONDS);
            AccountingRecord interim = fixture.next();
            assertThat(interim.status()).isEqualTo(AccountingRecord.Status.INTERIM_UPDATE);
            assertThat(interim.acctSessionId()).isEqualTo(start.acctSessionId());
            assertThat(interim.sessionTime().toSeconds()).isGreaterThanOrEqualTo(1);
            assertThat(interim.counters().inputPackets()).isGreaterThanOrEqualTo(1);
            assertThat(interim.counters().inputOctets()).isPositive();
            assertThat(interim.terminateCause()).isEmpty();
            AccountingRecord second = fixture.next();
            assertThat(second.status()).isEqualTo(AccountingRecord.Status.INTERIM_UPDATE);
            assertThat(second.sessionTime()).isGreaterThan(interim.sessionTime());
            lac.hangUp();
            AccountingRecord last;
            do {
                last = fixture.next();
            } while (last.status() == AccountingRecord.Status.INTERIM_UPDATE);
            assertThat(last.status()).isEqualTo(AccountingRecord.Status.STOP);
        }
    }
}
