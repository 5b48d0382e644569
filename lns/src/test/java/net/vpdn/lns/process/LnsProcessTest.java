package net.vpdn.lns.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.vpdn.aaa.acct.AccountingRecord;
import net.vpdn.aaa.radius.DisconnectListener;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.lns.LnsMain;
import net.vpdn.ppp.ipcp.IpcpNegotiated;
import net.vpdn.runtime.ProcessStart;
import net.vpdn.vtemplate.TerminateCause;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The LNS process on loopback, driven by our LAC engine and a PPP client")
class LnsProcessTest {
    @TempDir
    Path dir;
    final ProcessFixture fixture = new ProcessFixture();

    @Nested
    @DisplayName("start-up")
    class StartUp {
        @Test
        @DisplayName("an invalid configuration is refused with exit status 2 and the key named")
        void invalidConfigRefused() throws Exception {
            Path file = ProcessFixture.write(dir, ProcessFixture.YAML.replace("hello-interval: 60s", "hello-interval: soon"));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            LnsMain.Launch launch = LnsMain.launch(new String[] {"--config", file.toString()}, Map.of(),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(launch).isEqualTo(new LnsMain.Launch.Refused(ProcessStart.EXIT_BAD_CONFIG));
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("l2tp.hello-interval").contains("not started");
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        }

        @Test
        @DisplayName("an L2TP port in use is refused with exit status 3, the address named, no stack trace")
        void l2tpPortInUse() throws Exception {
            Path file = ProcessFixture.write(dir, ProcessFixture.YAML);
            try (java.net.DatagramSocket taken = new java.net.DatagramSocket(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0))) {
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                LnsMain.Launch launch = LnsMain.launch(new String[] {"--config", file.toString(),
                        "--set", "l2tp.listen-port=" + taken.getLocalPort()}, Map.of(),
                        System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
                assertThat(launch).isEqualTo(new LnsMain.Launch.Refused(ProcessStart.EXIT_CANNOT_START));
                assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("vpdn lns: cannot start: cannot listen for L2TP on"
                        + " 127.0.0.1:" + taken.getLocalPort() + ": Address already in use\nvpdn lns: not started\n");
            }
        }

        @Test
        @DisplayName("a LAC configuration is refused: wrong role")
        void lacRoleRefused() throws Exception {
            Path file = ProcessFixture.write(dir, ProcessFixture.YAML);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            LnsMain.Launch launch = LnsMain.launch(new String[] {"--config", file.toString(), "--set", "role=lac"}, Map.of(),
                    System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(launch).isInstanceOf(LnsMain.Launch.Refused.class);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("role");
        }

        @Test
        @DisplayName("a valid file starts, prints the ready line with the bound port, and stops")
        void readyLine() throws Exception {
            Path file = ProcessFixture.write(dir, ProcessFixture.YAML);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            LnsMain.Launch launch = LnsMain.launch(new String[] {"--config", file.toString()}, Map.of(),
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            assertThat(launch).isInstanceOf(LnsMain.Launch.Running.class);
            try (LnsProcess p = ((LnsMain.Launch.Running) launch).process()) {
                assertThat(out.toString(StandardCharsets.UTF_8).trim())
                        .isEqualTo("vpdn lns ready: l2tp 127.0.0.1:" + p.l2tpAddress().getPort() + " admin off metrics off");
            }
        }
    }

    @Nested
    @DisplayName("tunnel acceptance")
    class Acceptance {
        @Test
        @DisplayName("a LAC named in terminate-from with the right secret gets a tunnel")
        void accepted() throws Exception {
            try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir)) {
                Tunnel t = lac.tunnel(lns.l2tpAddress());
                assertThat(t.peerHostName()).isEqualTo("lns1");
            }
        }

        @Test
        @DisplayName("a LAC no group terminates is refused with StopCCN result 4 (not authorized)")
        void unknownHostRefused() throws Exception {
            try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir)) {
                lac.openTunnel(lns.l2tpAddress(), "stranger", ProcessFixture.SECRET);
                assertThat(lac.awaitTunnelDown().resultCode()).isEqualTo(StopCcnResult.NOT_AUTHORIZED.code());
            }
        }

        @Test
        @DisplayName("a LAC with the wrong secret never gets a tunnel")
        void wrongSecretRefused() throws Exception {
            try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir)) {
                var up = lac.openTunnel(lns.l2tpAddress(), "lac1", "not-the-secret");
                lac.awaitTunnelDown();
                assertThat(up).isCompletedExceptionally();
            }
        }

        @Test
        @DisplayName("with no sessions-in-setup slot an ICRQ gets CDN result 4 (temporary), so the LAC retries")
        void admissionControl() throws Exception {
            try (LnsProcess lns = LnsProcess.start(ProcessFixture.load(dir),
                    LnsOptions.DEFAULTS.withMaxSessionsInSetup(0)); TestLac lac = new TestLac()) {
                var refused = lac.bareCall(lac.tunnel(lns.l2tpAddress())).get(10, TimeUnit.SECONDS);
                assertThat(refused.resultCode()).isEqualTo(CdnResult.TEMPORARY_LACK_OF_RESOURCES.code());
                assertThat(lns.counters().admissionRefused()).isEqualTo(1);
            }
        }

        @Test
        @DisplayName("a group at its session-limit refuses the next call with CDN result 4 (temporary)")
        void sessionLimit() throws Exception {
            try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir, "vpdn-groups.0.session-limit=1")) {
                Tunnel t = lac.tunnel(lns.l2tpAddress());
                lac.dialToIpcp(t, "alice@example.com", "alice-password");
                var refused = lac.bareCall(t).get(10, TimeUnit.SECONDS);
                assertThat(refused.resultCode()).isEqualTo(CdnResult.TEMPORARY_LACK_OF_RESOURCES.code());
                assertThat(refused.errorMessage()).contains("session-limit 1 of vpdn-group from-lac1 reached");
            }
        }
    }

    @Test
    @DisplayName("a session reaches IPCP with a pool address and DNS, accounts Start, and Stop on the user's hang-up")
    void fullSession() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir)) {
            IpcpNegotiated ipcp = lac.dialToIpcp(lac.tunnel(lns.l2tpAddress()), "alice@example.com", "alice-password");
            TestLac.assertUp(ipcp, "10.99.0.");
            assertThat(ipcp.localAddress().toString()).isNotEqualTo("10.99.0.15"); // bob's, reserved
            AccountingRecord start = fixture.next();
            assertThat(start.status()).isEqualTo(AccountingRecord.Status.START);
            assertThat(start.userName()).contains("alice@example.com");
            assertThat(start.framedAddress().orElseThrow().getHostAddress()).isEqualTo(ipcp.localAddress().toString());
            assertThat(lns.counters().virtualAccess()).isEqualTo(1);
            var session = lns.sessions().getFirst();
            assertThat(session.user()).contains("alice@example.com");
            assertThat(session.interfaceName()).contains("Virtual-Access1");
            assertThat(session.address()).contains(ipcp.localAddress().toString());
            assertThat(session.state()).isEqualTo("UP");
            assertThat(session.acctSessionId()).isEqualTo(start.acctSessionId());
            var tunnel = lns.tunnels().getFirst();
            assertThat(tunnel.hostName()).isEqualTo("lac1");
            assertThat(tunnel.group()).isEqualTo("from-lac1");
            assertThat(tunnel.sessions()).isEqualTo(1);
            assertThat(lns.poolUsage().get("lns-pool").inUse()).isEqualTo(1);

            lac.hangUp();
            AccountingRecord stop = fixture.next();
            assertThat(stop.status()).isEqualTo(AccountingRecord.Status.STOP);
            assertThat(stop.acctSessionId()).isEqualTo(start.acctSessionId());
            assertThat(stop.terminateCause()).hasValue(TerminateCause.USER_REQUEST.radiusValue());
            lac.awaitCallDown();
            NoLeaks.assertNoLeaks(lns);
        }
    }

    @Test
    @DisplayName("a user with a static address gets it from the pool's reservation")
    void staticAddress() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir)) {
            IpcpNegotiated ipcp = lac.dialToIpcp(lac.tunnel(lns.l2tpAddress()), "bob@example.com", "bob-password");
            assertThat(ipcp.localAddress().toString()).isEqualTo("10.99.0.15");
        }
    }

    @Test
    @DisplayName("a wrong password ends the call with no accounting, one auth-failed line naming the user, nothing leaked")
    void authFailure() throws Exception {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("vpdn.lns.session");
        var lines = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        lines.start();
        log.addAppender(lines);
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir)) {
            lac.dial(lac.tunnel(lns.l2tpAddress()), "alice@example.com", "wrong");
            lac.awaitCallDown();
            assertThat(fixture.accounting).isEmpty();
            NoLeaks.assertNoLeaks(lns);
        } finally {
            log.detachAppender(lines);
        }
        assertThat(lines.list).filteredOn(e -> e.getFormattedMessage().startsWith("event=auth-failed"))
                .singleElement().satisfies(e -> {
                    assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.INFO);
                    assertThat(e.getFormattedMessage()).matches(
                            "event=auth-failed tunnel=\\d+ session=\\d+ user=alice@example.com reason=\".+\"").doesNotContain("wrong");
                });
    }


    static void clearTunnelFromLac(TestLac lac, Tunnel t) {
        lac.endpoint.execute(() -> t.close(StopCcnResult.GENERAL_REQUEST_TO_CLEAR, ErrorCode.NO_GENERAL_ERROR, "test"));
    }

    static DisconnectListener.Target bySessionId(String id) {
        return new DisconnectListener.Target.BySessionId(id);
    }
}
