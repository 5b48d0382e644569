package net.vpdn.tests.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.vpdn.aaa.acct.AccountingRecord;
import net.vpdn.config.ConfigLoader;
import net.vpdn.config.ConfigResult;
import net.vpdn.lns.process.LnsOptions;
import net.vpdn.lns.process.LnsProcess;
import net.vpdn.lns.process.NoLeaks;
import net.vpdn.lns.process.LnsViews.SessionView;
import net.vpdn.tests.peers.FreePort;
import net.vpdn.tests.peers.Tshark;
import net.vpdn.tests.peers.TsharkCheck;
import net.vpdn.vtemplate.TerminateCause;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 5, real LACs: the lab's Linux guest (xl2tpd + pppd, kernel L2TP/PPP) dials our in-JVM LNS process as a
 * voluntary tunnel with tunnel authentication, authenticates with CHAP, PAP or MS-CHAPv2 (pppd refuses the
 * others, so our LNS must follow its Configure-Nak), pings the LNS's address and hangs up.
 */
@LabTest
@DisplayName("A real Linux LAC (xl2tpd + pppd in the lab's guest) against our LNS process")
class LnsLabTest {
    static final String TUNNEL_SECRET = "lab-tunnel-secret";
    static final String USER = "alice@example.com";
    static final String PASSWORD = "alice-lab-password";
    static final String LNS_ADDRESS = "10.99.0.1";
    static final Duration VM_TIMEOUT = Duration.ofSeconds(90);

    /** How pppd is told to use one method: it refuses every other one the LNS could ask for. */
    enum Method {
        CHAP("refuse-pap;refuse-mschap;refuse-mschap-v2;refuse-eap", "CHAP authentication succeeded: Welcome"),
        PAP("refuse-chap;refuse-mschap;refuse-mschap-v2;refuse-eap", "PAP authentication succeeded"),
        // pppd checks the Success packet's S= authenticator response before it says this.
        MSCHAPV2("refuse-pap;refuse-chap;refuse-mschap;refuse-eap", "<auth chap MS-v2>");

        final String pppExtra;
        final String pppdSaysSucceeded;

        Method(String pppExtra, String pppdSaysSucceeded) {
            this.pppExtra = pppExtra;
            this.pppdSaysSucceeded = pppdSaysSucceeded;
        }
    }

    @TempDir
    Path tmp;
    final LinkedBlockingQueue<AccountingRecord> tap = new LinkedBlockingQueue<>();

    LnsProcess start(int port) throws Exception {
        String yaml = """
                role: lns
                hostname: lns1
                l2tp: {listen-address: 127.0.0.1, listen-port: %d, hello-interval: 60s}
                vpdn-groups:
                  - name: from-lac1
                    accept-dialin: {virtual-template: "1"}
                    terminate-from: [lac1]
                    tunnel-secret: "%s"
                virtual-templates:
                  - {name: "1", local-address: %s, peer-pool: lns-pool, auth-protocols: [chap, mschapv2, pap],
                     keepalive-interval: 1s, keepalive-retries: 5}
                ip-pools:
                  - {name: lns-pool, first: 10.99.0.10, last: 10.99.0.20}
                local-users:
                  - {name: "%s", password: "%s"}
                aaa: {authentication: [local], accounting: []}
                admin: {enabled: false}
                metrics: {enabled: false}
                """.formatted(port, TUNNEL_SECRET, LNS_ADDRESS, USER, PASSWORD);
        Path file = Files.writeString(tmp.resolve("lns.yaml"), yaml);
        ConfigResult r = ConfigLoader.load(file, Map.of(), List.of());
        assertThat(r).as(r.toString()).isInstanceOf(ConfigResult.Loaded.class);
        return LnsProcess.start(((ConfigResult.Loaded) r).config(), LnsOptions.DEFAULTS.withAccountingTap(tap::add));
    }

    AccountingRecord nextRecord(AccountingRecord.Status status, Duration timeout) throws InterruptedException {
        AccountingRecord r = tap.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(r).as("an accounting " + status + " within " + timeout).isNotNull();
        assertThat(r.status()).isEqualTo(status);
        return r;
    }

    /** The lac-client scenario's parameters for the guest. */
    static Map<String, String> guest(int port, String password, String pppExtra, int holdSeconds) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("LNS", "10.0.2.2:" + port);
        params.put("TUNNEL_SECRET", TUNNEL_SECRET);
        params.put("PPP_USER", USER);
        params.put("PPP_PASS", password);
        params.put("HOLD", Integer.toString(holdSeconds));
        params.put("PPP_EXTRA", pppExtra);
        return params;
    }

    static LabVm boot(String test, Path pcap, Map<String, String> params) throws Exception {
        String name = "lnslab-" + test + "-" + ProcessHandle.current().pid();
        LabVm vm = LabVm.start(name, VM_TIMEOUT, List.of("--outbound", "--pcap", pcap.toString()), "lac-client", params);
        vm.await("boot ok", Duration.ofSeconds(60));
        return vm;
    }

    /** Waits for the Start, checks the views and the guest's address; returns the Start. */
    AccountingRecord awaitUp(LnsProcess lns, LabVm vm) throws Exception {
        AccountingRecord start = nextRecord(AccountingRecord.Status.START, Duration.ofSeconds(40));
        String leased = start.framedAddress().map(Inet4Address::getHostAddress).orElseThrow();
        assertThat(lns.sessions()).as("the LNS shows the session while it is up").singleElement()
                .satisfies(s -> assertSessionUp(s, leased));
        assertThat(lns.counters().poolInUse()).as("one pool address leased").isEqualTo(1);
        LabVm.Result up = vm.await("ppp up", Duration.ofSeconds(20));
        assertThat(up.value("local")).as(up.text()).contains(leased);
        assertThat(up.value("remote")).as(up.text()).contains(LNS_ADDRESS);
        LabVm.Result ping = vm.await("ping ok", Duration.ofSeconds(20));
        assertThat(ping.value("remote")).contains(LNS_ADDRESS);
        return start;
    }

    AccountingRecord awaitStop(AccountingRecord start) throws InterruptedException {
        AccountingRecord stop = nextRecord(AccountingRecord.Status.STOP, Duration.ofSeconds(30));
        assertThat(stop.acctSessionId()).isEqualTo(start.acctSessionId());
        assertThat(stop.framedAddress()).isEqualTo(start.framedAddress());
        assertThat(stop.counters().inputPackets()).as("the pings, at least").isGreaterThanOrEqualTo(3);
        return stop;
    }

    static void assertCleanCapture(Path pcap, int port) throws Exception {
        TsharkCheck check = Tshark.check(pcap, port);
        assertThat(check.problems()).as(check.summary()).isEmpty();
        assertThat(check.distinct("SCCCN")).as(check.summary()).isEqualTo(1);
        assertThat(check.distinct("CDN")).as(check.summary()).isEqualTo(1);
    }

    static String pppdLog(LabVm vm) throws Exception {
        return Files.readString(vm.runDir().resolve("pppd.log"), StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "{0}: PPP up with a pool address, ping the LNS, hang up, address back, Stop recorded")
    @EnumSource(Method.class)
    @DisplayName("the guest dials with tunnel authentication and one PPP method")
    void dialPingHangUp(Method method) throws Exception {
        int port = FreePort.udp();
        Path pcap = tmp.resolve("guest.pcap");
        long t0 = System.nanoTime();
        try (LnsProcess lns = start(port);
             LabVm vm = boot(method.name().toLowerCase(), pcap, guest(port, PASSWORD, method.pppExtra, 1))) {
            AccountingRecord start = awaitUp(lns, vm);
            AccountingRecord stop = awaitStop(start);
            assertThat(stop.terminateCause()).as("LCP Terminate-Request from pppd")
                    .hasValue(TerminateCause.USER_REQUEST.radiusValue());
            vm.await("hangup ok", Duration.ofSeconds(20));
            assertThat(vm.awaitExit(Duration.ofSeconds(30))).as("run-vm.sh: RESULT scenario ok").isZero();
            System.out.printf("[lab] %s: %s in %.1f s%n", method, vm.results(), (System.nanoTime() - t0) / 1e9);
            String log = pppdLog(vm);
            assertThat(log).as("pppd really used " + method).contains(method.pppdSaysSucceeded);
            assertThat(log).as("our 1 s keepalive reached pppd, which answered it").contains("rcvd [LCP EchoReq")
                    .contains("sent [LCP EchoRep");
            NoLeaks.assertNoLeaks(lns);
            assertThat(tap).as("exactly one Start and one Stop").isEmpty();
        }
        assertCleanCapture(pcap, port);
    }

    @Test
    @DisplayName("a wrong MS-CHAPv2 password: pppd gets a Failure it parses (E=691), no accounting, nothing leaks")
    void wrongPassword() throws Exception {
        int port = FreePort.udp();
        Path pcap = tmp.resolve("guest.pcap");
        Map<String, String> params = guest(port, "not-the-password", Method.MSCHAPV2.pppExtra, 0);
        params.put("UP_TIMEOUT", "8");
        try (LnsProcess lns = start(port); LabVm vm = boot("badpass", pcap, params)) {
            assertThat(vm.await("ppp fail", Duration.ofSeconds(40)).text()).contains("no session");
            vm.awaitExit(Duration.ofSeconds(20));
            String log = pppdLog(vm);
            System.out.println("[lab] pppd on a wrong password:\n" + log.lines()
                    .filter(l -> l.contains("CHAP") || l.contains("LCP Term")).reduce("", (a, b) -> a + b + "\n"));
            assertThat(log).contains("E=691").contains("MS-CHAP authentication failed");
            assertThat(tap).as("no accounting for a session that never came up").isEmpty();
            NoLeaks.assertNoLeaks(lns);
        }
        TsharkCheck check = Tshark.check(pcap, port);
        assertThat(check.problems()).as(check.summary()).isEmpty();
    }

    @Test
    @DisplayName("an admin clear while up: pppd sees our LCP Terminate-Request, xl2tpd our CDN; Stop with Admin-Reset")
    void adminClear() throws Exception {
        int port = FreePort.udp();
        Path pcap = tmp.resolve("guest.pcap");
        try (LnsProcess lns = start(port); LabVm vm = boot("clear", pcap, guest(port, PASSWORD, Method.CHAP.pppExtra, 6))) {
            AccountingRecord start = awaitUp(lns, vm);
            SessionView s = lns.sessions().getFirst();
            assertThat(lns.clearSession(s.tunnelId(), s.sessionId())).isTrue();
            AccountingRecord stop = awaitStop(start);
            assertThat(stop.terminateCause()).hasValue(TerminateCause.ADMIN_RESET.radiusValue());
            LabVm.Result down = vm.await("ppp down", Duration.ofSeconds(20));
            assertThat(down.value("remote")).contains(LNS_ADDRESS);
            vm.awaitExit(Duration.ofSeconds(40));
            assertThat(pppdLog(vm)).contains("rcvd [LCP TermReq");
            NoLeaks.assertNoLeaks(lns);
        }
        TsharkCheck check = Tshark.check(pcap, port);
        assertThat(check.problems()).as(check.summary()).isEmpty();
        assertThat(check.results()).as("our CDN: result 3 (administrative)").anySatisfy(r -> {
            assertThat(r.message()).isEqualTo("CDN");
            assertThat(r.resultCode()).isEqualTo(3);
        });
    }

    static void assertSessionUp(SessionView s, String leased) {
        assertThat(s.state()).isEqualTo("UP");
        assertThat(s.user()).contains(USER);
        assertThat(s.address()).contains(leased);
        assertThat(s.group()).isEqualTo("from-lac1");
        assertThat(s.interfaceName()).hasValueSatisfying(n -> assertThat(n).startsWith("Virtual-Access"));
    }

}
