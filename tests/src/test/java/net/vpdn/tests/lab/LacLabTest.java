package net.vpdn.tests.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.vpdn.lac.access.emulator.SubscriberReport;
import net.vpdn.tests.OneGroupLac;
import net.vpdn.lac.process.LacProcess;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.tests.peers.FreePort;
import net.vpdn.tests.peers.Tshark;
import net.vpdn.tests.peers.TsharkCheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our LAC process (in this JVM, subscribers from its emulator) placing calls into a real LNS: xl2tpd
 * and pppd with kernel PPP/L2TP in a lab guest ({@code lns-server} scenario), with tunnel
 * authentication. The guest's pppd authenticates the subscribers again (its secrets are the
 * scenario's default users), assigns addresses from its range and pings each subscriber; the
 * subscribers ping the guest's PPP address. The guest's eth0 capture must satisfy tshark. Its sessions' RESULT
 * lines come in no fixed order, so it waits on them by regex over all lines ({@link LabVm#awaitMatch}).
 */
@LabTest
@DisplayName("our LAC against a real xl2tpd + pppd LNS in the lab guest")
class LacLabTest {
    static final String SECRET = "vpdn-lab-secret";
    /** lns-server.sh defaults: LOCAL_IP and IP_RANGE. */
    static final Ipv4Address GUEST_PPP = Ipv4Address.of("10.99.0.1");
    static final long RANGE_FIRST = Ipv4Address.of("10.99.0.10").bits() & 0xFFFF_FFFFL;
    static final long RANGE_LAST = Ipv4Address.of("10.99.0.200").bits() & 0xFFFF_FFFFL;
    static final Duration BOOT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    /** The {@code lns-server} guest, its xl2tpd reachable on 127.0.0.1:{@code port}, its eth0 captured. */
    private static LabVm boot(String auth, int port, Path pcap) throws Exception {
        List<String> options = new ArrayList<>(LabVm.hostfwd("udp", port, 1701));
        options.addAll(LabVm.pcap(pcap));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("TUNNEL_SECRET", SECRET);
        params.put("AUTH", auth);
        params.put("SESSIONS", "0");
        String name = "laclab-" + auth + "-" + ProcessHandle.current().pid();
        return LabVm.start(name, Duration.ofSeconds(100), options, "lns-server", params);
    }

    private LacProcess startLac(int lnsPort, String auth) throws Exception {
        return OneGroupLac.start(tmp, lnsPort, SECRET, List.of("--user", "alice@example.com:alicepass",
                "--user", "bob@example.com:bobpass", "--auth", auth, "--rate", "20", "--pings", "3",
                "--ping-timeout", "5s", "--hold", "8s"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"chap", "pap"})
    @DisplayName("alice and bob reach IPCP with the guest's addresses, ping both ways, hang up; nothing leaks; tshark is satisfied")
    void subscribersThroughRealLns(String auth) throws Exception {
        int port = FreePort.udp();
        Path pcap = tmp.resolve("guest-eth0-" + auth + ".pcap");
        List<SubscriberReport> reports;
        try (LabVm vm = boot(auth, port, pcap)) {
            vm.awaitMatch("^lns ready .*auth=" + auth + " tunnel_auth=yes", BOOT);
            try (LacProcess lac = startLac(port, auth)) {
                reports = lac.finished().get(60, TimeUnit.SECONDS);
                assertSubscribers(reports);
                assertGuestSessions(vm, reports);
                assertThat(lac.calls()).as("calls left in the LAC").isEmpty();
                assertThat(lac.counters().callsConnected()).isEqualTo(2);
                assertThat(lac.counters().refusals().values()).allMatch(n -> n == 0);
                assertThat(lac.tunnels()).as("one idle tunnel, no sessions").singleElement()
                        .satisfies(t -> assertThat(t.sessions()).isZero())
                        .satisfies(t -> assertThat(t.peerName()).isEqualTo("lns1"));
            }
            vm.requestStop();
            vm.awaitMatch("^sessions up=2 down=2", Duration.ofSeconds(20));
            assertThat(vm.awaitExit(Duration.ofSeconds(30))).as("run-vm.sh exit; results %s", vm.resultLines()).isZero();
            System.out.printf("guest %s (%s) RESULT lines:%n  %s%n", vm.name(), auth, String.join("\n  ", vm.resultLines()));
        }
        assertCapture(pcap);
    }

    private static void assertSubscribers(List<SubscriberReport> reports) {
        assertThat(reports).extracting(SubscriberReport::user)
                .containsExactlyInAnyOrder("alice@example.com", "bob@example.com");
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.succeeded()).as(r.toString()).isTrue();
            assertThat(r.pingsAnswered()).as(r.toString()).isEqualTo(3);
            assertThat(r.gateway()).contains(GUEST_PPP);
            long a = r.address().orElseThrow().bits() & 0xFFFF_FFFFL;
            assertThat(a).as("address %s in the guest's range", r.address().get()).isBetween(RANGE_FIRST, RANGE_LAST);
            assertThat(r.authFailureSeen()).isFalse();
        });
        assertThat(reports.get(0).address()).isNotEqualTo(reports.get(1).address());
    }

    private static void assertGuestSessions(LabVm vm, List<SubscriberReport> reports) throws InterruptedException {
        List<String> ups = vm.awaitAll("^ppp up ", 2, Duration.ofSeconds(10));
        for (SubscriberReport r : reports) {
            String addr = r.address().orElseThrow().toString();
            assertThat(ups).as("guest ppp up lines").anyMatch(l -> l.contains("local=" + GUEST_PPP + " remote=" + addr + " "));
            vm.awaitMatch("^ping ok remote=" + Pattern.quote(addr) + " ", Duration.ofSeconds(20));
        }
        List<String> downs = vm.awaitAll("^ppp down ", 2, Duration.ofSeconds(20));
        assertThat(downs).hasSize(2);
        assertThat(vm.resultLines()).noneMatch(l -> l.startsWith("ping fail"));
    }

    private static void assertCapture(Path pcap) throws Exception {
        assertThat(pcap).exists();
        TsharkCheck check = Tshark.check(pcap);
        System.out.println("tshark on " + pcap + ": " + check.packets() + " packets, " + check.l2tpMessages());
        assertThat(check.problems()).as("tshark problems").isEmpty();
        assertThat(check.distinct("SCCRQ")).isEqualTo(1);
        assertThat(check.distinct("ICRQ")).isEqualTo(2);
        assertThat(check.distinct("ICCN")).isEqualTo(2);
        assertThat(check.distinct("CDN")).isEqualTo(2);
        assertThat(check.distinct("StopCCN")).isEqualTo(1);
        assertThat(check.count("DATA")).as("PPP frames").isGreaterThan(20);
    }
}
