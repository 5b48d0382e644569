package net.vpdn.tests.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.vpdn.config.ConfigLoader;
import net.vpdn.config.ConfigResult;
import net.vpdn.lac.access.emulator.SubscriberReport;
import net.vpdn.lac.process.LacProcess;
import net.vpdn.lns.process.LnsProcess;
import net.vpdn.tests.OneGroupLac;
import net.vpdn.tests.peers.Capture;
import net.vpdn.tests.peers.PeerTool;
import net.vpdn.tests.peers.RealPeers;
import net.vpdn.tests.peers.Tshark;
import net.vpdn.tests.peers.TsharkCheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tshark judges a capture of our LAC talking to our LNS on loopback: tunnel with authentication, four
 * calls (CHAP and PAP subscribers alternating) handed over with proxy LCP and proxy authentication,
 * the LNS's CHAP Success / PAP Ack through the tunnel, IPCP, pings, hang-ups (CDN) and the StopCCN.
 * No malformed packet and no expert warning in any of l2tp, ppp, lcp, chap, pap, ipcp.
 */
@RealPeers(value = {PeerTool.TSHARK, PeerTool.DUMPCAP})
@DisplayName("tshark decodes our LAC <-> our LNS traffic cleanly, CHAP and PAP subscribers both")
class LacLnsTsharkTest {
    static final String SECRET = "tshark-tunnel-secret";

    @TempDir
    Path tmp;

    @Test
    @DisplayName("no malformed packets, no expert warnings; lcp, chap, pap, ipcp and icmp all present")
    void clean() throws Exception {
        Path pcap = tmp.resolve("lac-lns.pcap");
        try (LnsProcess lns = LnsProcess.start(lnsConfig())) {
            int port = lns.l2tpAddress().getPort();
            try (Capture cap = Tshark.capture("lo", Tshark.udpPorts(port), pcap)) {
                List<SubscriberReport> reports;
                try (LacProcess lac = OneGroupLac.start(tmp, port, SECRET, List.of("--user", "alice@example.com:alicepass",
                        "--user", "bob@example.com:bobpass", "--subscribers", "4", "--auth", "chap,pap", "--rate", "20",
                        "--pings", "2"))) {
                    reports = lac.finished().get(30, TimeUnit.SECONDS);
                }
                assertThat(reports).hasSize(4).allSatisfy(r -> assertThat(r.succeeded()).as(r.toString()).isTrue());
            }
            TsharkCheck c = Tshark.check(pcap, port);
            System.out.println("tshark: " + c.summary());
            Tshark.summaries(pcap, port).stream().limit(60).forEach(l -> System.out.println("  " + l));
            assertThat(c.problems()).as(c.summary()).isEmpty();
            assertThat(c.malformed()).isZero();
            for (String layer : List.of("lcp", "chap", "pap", "ipcp", "icmp")) {
                assertThat(c.frames(layer)).as("frames with %s: %s", layer, c.summary()).isPositive();
            }
            assertThat(c.proxyAuthenTypes()).as("Proxy Authen Type of the ICCNs: CHAP (2) and PAP (3)")
                    .hasSize(4).contains(2, 3);
            assertThat(c.distinct("ICRQ")).isEqualTo(4);
            assertThat(c.distinct("ICCN")).isEqualTo(4);
            assertThat(c.distinct("CDN")).isEqualTo(4);
            assertThat(c.distinct("SCCRQ")).isEqualTo(1);
            assertThat(c.distinct("StopCCN")).isEqualTo(1);
        }
    }

    private net.vpdn.config.VpdnConfig lnsConfig() throws Exception {
        Path file = Files.writeString(tmp.resolve("lns.yaml"), """
                role: lns
                hostname: lns1
                l2tp: {listen-address: 127.0.0.1, listen-port: 0}
                vpdn-groups:
                  - name: from-lac1
                    accept-dialin: {virtual-template: "1"}
                    terminate-from: [lac1]
                    tunnel-secret: "%s"
                virtual-templates:
                  - {name: "1", local-address: 10.99.0.1, peer-pool: p, auth-protocols: [chap, pap]}
                ip-pools:
                  - {name: p, first: 10.99.0.10, last: 10.99.0.250}
                local-users:
                  - {name: alice@example.com, password: alicepass}
                  - {name: bob@example.com, password: bobpass}
                admin: {enabled: false}
                metrics: {enabled: false}
                """.formatted(SECRET));
        ConfigResult r = ConfigLoader.load(file, Map.of(), List.of());
        assertThat(r).as(r.toString()).isInstanceOf(ConfigResult.Loaded.class);
        return ((ConfigResult.Loaded) r).config();
    }
}
