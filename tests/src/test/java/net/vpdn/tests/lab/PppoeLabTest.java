package net.vpdn.tests.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.vpdn.config.ConfigLoader;
import net.vpdn.config.ConfigResult;
import net.vpdn.lac.access.pppoe.PppoeDrop;
import net.vpdn.lac.access.pppoe.io.PppoeAccessServer;
import net.vpdn.lac.process.AccessOptions;
import net.vpdn.lac.process.LacProcess;
import net.vpdn.lns.process.LnsOptions;
import net.vpdn.lns.process.LnsProcess;
import net.vpdn.tests.peers.FreePort;
import net.vpdn.tests.peers.Tshark;
import net.vpdn.tests.peers.TsharkCheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, a real PPPoE client: the lab guest's pppd with the rp-pppoe plugin and kernel PPP
 * ({@code pppoe-client} scenario) dials over its eth1, a tap in a network namespace this test owns.
 * Our LAC (in this JVM) answers PPPoE on that tap through its raw sockets, authenticates the
 * subscriber, tunnels the call to our LNS (in this JVM, on loopback) with proxy LCP and proxy
 * authentication; the LNS assigns a pool address; pppd pings the LNS and hangs up with LCP
 * Terminate; nothing may be left behind. tshark judges the frames on the tap.
 */
@LabTest
@DisplayName("A real PPPoE client (pppd + rp-pppoe in the lab guest) through our LAC to our LNS")
class PppoeLabTest {
    static final String TUNNEL_SECRET = "pppoe-lab-tunnel-secret";
    static final String USER = "alice@example.com";
    static final String PASSWORD = "alice-pppoe-password";
    static final String LNS_ADDRESS = "10.99.0.1";

    @TempDir
    Path tmp;

    LnsProcess startLns(int port) throws Exception {
        return startLns(port, "");
    }

    LnsProcess startLns(int port, String extra) throws Exception {
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
                  - {name: "1", local-address: %s, peer-pool: lns-pool, auth-protocols: [chap, pap]}
                ip-pools:
                  - {name: lns-pool, first: 10.99.0.10, last: 10.99.0.20}
                local-users:
                  - {name: "%s", password: "%s"}
                aaa: {authentication: [local], accounting: []}
                admin: {enabled: false}
                metrics: {enabled: false}
                """.formatted(port, TUNNEL_SECRET, LNS_ADDRESS, USER, PASSWORD) + extra;
        return LnsProcess.start(load(yaml, "lns.yaml"), LnsOptions.DEFAULTS);
    }

    LacProcess startLac(int lnsPort, String netns, String tap) throws Exception {
        String yaml = """
                role: lac
                hostname: lac1
                l2tp: {listen-address: 127.0.0.1, listen-port: 0}
                vpdn-groups:
                  - name: example-com
                    request-dialin: {domains: [example.com]}
                    initiate-to:
                      - {address: 127.0.0.1, port: %d}
                    tunnel-secret: "%s"
                pppoe-interfaces:
                  - {name: %s, netns: %s, ac-name: vpdn-lac1, service-names: [internet],
                     cookie-secret: "pppoe-lab-cookie-secret-0123"}
                admin: {enabled: false}
                metrics: {enabled: false}
                """.formatted(lnsPort, TUNNEL_SECRET, tap, netns);
        return LacProcess.start(load(yaml, "lac.yaml"), AccessOptions.none());
    }

    private net.vpdn.config.VpdnConfig load(String yaml, String name) throws IOException {
        Path file = Files.writeString(tmp.resolve(name), yaml);
        ConfigResult r = ConfigLoader.load(file, Map.of(), List.of());
        assertThat(r).as(r.toString()).isInstanceOf(ConfigResult.Loaded.class);
        return ((ConfigResult.Loaded) r).config();
    }

    @Test
    @DisplayName("discovery, CHAP at the LAC, L2TP to the LNS, a pool address, pings, PADT clears the call")
    void pppoeClientDialsThrough() throws Exception {
        String netns = "vpdn-pppoe-lab-" + ProcessHandle.current().pid();
        int lnsPort = FreePort.udp();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("PPP_USER", USER);
        params.put("PPP_PASS", PASSWORD);
        params.put("HOLD", "1");
        params.put("PING_COUNT", "5");
        long t0 = System.nanoTime();
        Path pcap = tmp.resolve("guest-eth1.pcap");
        try (LnsProcess lns = startLns(lnsPort);
             LabVm vm = LabVm.start("pppoelab-" + ProcessHandle.current().pid(), Duration.ofSeconds(150),
                     List.of("--tap2", netns), "pppoe-client", params)) {
            String tap = "vt" + vm.pid();
            awaitTap(netns, tap, Duration.ofSeconds(30));
            // qemu's --pcap2 on a tap writes virtio-net headers of varying length before the frames, so the
            // capture is dumpcap's, on the tap inside the namespace; it ends when run-vm.sh deletes the tap.
            Process dumpcap = new ProcessBuilder("ip", "netns", "exec", netns, "dumpcap", "-q", "-P", "-i", tap,
                    "-w", pcap.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            awaitTrue("dumpcap capturing on " + tap, () -> Files.exists(pcap));
            try (LacProcess lac = startLac(lnsPort, netns, tap)) {
                LabVm.Result up = vm.await("ppp up", Duration.ofSeconds(90));
                assertThat(up.value("remote")).as(up.text()).contains(LNS_ADDRESS);
                assertThat(up.value("local")).as(up.text()).hasValueSatisfying(a -> assertThat(a).startsWith("10.99.0."));
                LabVm.Result ping = vm.await("ping ok", Duration.ofSeconds(40));
                assertThat(ping.value("remote")).contains(LNS_ADDRESS);
                vm.await("hangup ok", Duration.ofSeconds(40));
                assertThat(vm.awaitExit(Duration.ofSeconds(40))).as("run-vm.sh: RESULT scenario ok; %s", vm.resultLines()).isZero();
                System.out.printf("[lab] pppoe: %s in %.1f s%n", vm.resultLines(), (System.nanoTime() - t0) / 1e9);
                PppoeAccessServer server = lac.pppoeServers().getFirst();
                awaitTrue("the LAC's call cleared", () -> lac.calls().isEmpty() && lac.onLoop(server::sessions) == 0);
                awaitTrue("the LNS's session cleared (CDN)", () -> lns.counters().engineSessions() == 0
                        && lns.counters().calls() == 0 && lns.counters().poolInUse() == 0);
                assertThat(lac.counters().callsConnected()).isEqualTo(1);
                assertThat(server.drops(PppoeDrop.WRONG_COOKIE)).isZero();
                assertThat(server.framesIn()).as("discovery, LCP, CHAP, IPCP, pings").isGreaterThan(15);
                String pppd = Files.readString(vm.runDir().resolve("pppd.log"), StandardCharsets.ISO_8859_1);
                assertThat(pppd).as("pppd's discovery and session").contains("PPP session is").contains("CHAP authentication succeeded");
            }
            if (!dumpcap.waitFor(20, TimeUnit.SECONDS)) dumpcap.destroy();
        } finally {
            new ProcessBuilder("ip", "netns", "del", netns).start().waitFor(10, TimeUnit.SECONDS);
        }
        assertPppoeCapture(pcap);
    }

    /** tshark judges the tap's frames (ours and pppd's): no malformed frame, no expert warning, discovery whole. */
    private static void assertPppoeCapture(Path pcap) throws Exception {
        TsharkCheck check = Tshark.check(pcap);
        assertThat(check.problems()).as(check.summary()).isEmpty();
        assertThat(check.malformed()).as(check.summary()).isZero();
        List<String> codes = Tshark.fields(pcap, List.of("pppoe.code")).stream().filter(l -> !l.isBlank()).toList();
        System.out.println("tshark on " + pcap + ": PPPoE codes " + codes);
        // pppd (2.4.9 + rp-pppoe in the guest) logs no "Sent PADT" when killed, and none is on the wire: the call
        // ends by its LCP Terminate at the LNS, or when the tap goes away (PADT from a client: PppoeThroughputTest).
        assertThat(codes).as("PADI, PADO, PADR, PADS, then session frames (tshark prints the codes in hex)")
                .containsSubsequence("0x09", "0x07", "0x19", "0x65", "0x00");
        assertThat(Tshark.fields(pcap, List.of("pppoed.tags.ac_cookie"))).as("our PADO's cookie, echoed in the PADR")
                .filteredOn(l -> !l.isBlank()).hasSize(2);
    }

    /**
     * The issue's acceptance end to end: the guest's pppd, once IPCP is up, pings 10.200.0.2, a host in
     * namespace H, from its PPPoE session. The packets cross our LAC, the L2TP tunnel and our LNS, leave
     * through the LNS's TUN uplink in namespace U (which routes to H over a veth pair), and the replies
     * come back the same way. The ping runs from an ip-up script handed to pppd with PPP_EXTRA
     * ({@code ip-up-script}, in the run directory the guest mounts as /out); it chains to the scenario's own.
     */
    @Test
    @DisplayName("through the LNS's TUN uplink: the real PPPoE client pings a host in another namespace")
    void pppoeClientReachesHostBehindTun() throws Exception {
        long pid = ProcessHandle.current().pid();
        String access = "vpdn-pppoe-lab-" + pid;
        String up = "vpdn-lab-up-" + pid;
        String host = "vpdn-lab-host-" + pid;
        int lnsPort = FreePort.udp();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("PPP_USER", USER);
        params.put("PPP_PASS", PASSWORD);
        params.put("HOLD", "6");
        params.put("PPP_EXTRA", "ip-up-script /out/ip-up-host");
        try {
            for (String n : List.of(up, host)) {
                ip("netns", "del", n);
                ipMust("netns", "add", n);
            }
            ipMust("-n", up, "link", "add", "vlu0", "type", "veth", "peer", "name", "vlu1", "netns", host);
            ipMust("-n", up, "addr", "add", "10.200.0.1/24", "dev", "vlu0");
            ipMust("-n", up, "link", "set", "vlu0", "up");
            ipMust("-n", host, "addr", "add", "10.200.0.2/24", "dev", "vlu1");
            ipMust("-n", host, "link", "set", "vlu1", "up");
            ipMust("-n", host, "route", "add", "10.99.0.0/24", "via", "10.200.0.1");
            ipMust("netns", "exec", up, "sysctl", "-qw", "net.ipv4.ip_forward=1");
            String tun = "tun-uplink: {enabled: true, name: vpdn0, netns: %s, apply-routes: true}\n".formatted(up);
            try (LnsProcess lns = startLns(lnsPort, tun);
                 LabVm vm = LabVm.start("pppoetun-" + pid, Duration.ofSeconds(150), List.of("--tap2", access), "pppoe-client", params)) {
                String tap = "vt" + vm.pid();
                awaitTap(access, tap, Duration.ofSeconds(30));
                Path script = vm.runDir().resolve("ip-up-host");
                Files.writeString(script, """
                        #!/bin/sh
                        /etc/ppp/ip-up "$@"
                        if ping -I "$1" -c 3 -W 3 10.200.0.2 > /tmp/ping-host.out 2>&1; then
                          echo "RESULT ping-host ok $(grep -o 'round-trip.*' /tmp/ping-host.out)" > /dev/console
                        else
                          echo "RESULT ping-host fail" > /dev/console
                        fi
                        """);
                script.toFile().setExecutable(true, false);
                try (LacProcess lac = startLac(lnsPort, access, tap)) {
                    vm.await("ppp up", Duration.ofSeconds(90));
                    String outcome = vm.awaitMatch("^ping-host (ok|fail)", Duration.ofSeconds(40)).group(1);
                    assertThat(outcome).as("the guest's ping to 10.200.0.2 behind the TUN; %s", vm.resultLines()).isEqualTo("ok");
                    vm.await("hangup ok", Duration.ofSeconds(40));
                    assertThat(vm.awaitExit(Duration.ofSeconds(40))).as("run-vm.sh: %s", vm.resultLines()).isZero();
                    System.out.printf("[lab] pppoe via TUN: %s%n", vm.resultLines());
                    awaitTrue("the LNS's session cleared", () -> lns.counters().calls() == 0 && lns.counters().poolInUse() == 0);
                    assertThat(lac.counters().callsConnected()).isEqualTo(1);
                }
            }
        } finally {
            for (String n : List.of(access, up, host)) ip("netns", "del", n);
        }
    }

    private static void ipMust(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
    }

    private static void ip(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                .waitFor(10, TimeUnit.SECONDS);
    }

    /** run-vm.sh moves the tap into the namespace once qemu holds it. */
    private static void awaitTap(String netns, String tap, Duration timeout) throws Exception {
        awaitTrue("tap " + tap + " up in netns " + netns, () -> {
            Process p = new ProcessBuilder("ip", "-n", netns, "link", "show", tap).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.contains(",UP");
        }, timeout);
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void awaitTrue(String what, Check check) throws Exception {
        awaitTrue(what, check, Duration.ofSeconds(20));
    }

    private static void awaitTrue(String what, Check check, Duration timeout) throws Exception {
        org.awaitility.Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(200)).until(check::ok);
    }
}
