package net.vpdn.tests.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tshark judge must pass good packets and, just as important, fail bad ones. */
@RealPeers(value = PeerTool.TSHARK, root = false)
@DisplayName("Tshark.check on packets written by PcapWriter")
class TsharkCheckTest {
    /** The real xl2tpd vectors, owned by this harness but stored with the codec's test resources. */
    static final Path VECTORS = Path.of("..", "l2tp", "src", "test", "resources", "vectors", "xl2tpd");
    private static final Map<String, String> MESSAGE_BY_FILE = Map.ofEntries(
            Map.entry("sccrq", "SCCRQ"), Map.entry("sccrp", "SCCRP"), Map.entry("scccn", "SCCCN"),
            Map.entry("icrq", "ICRQ"), Map.entry("icrp", "ICRP"), Map.entry("iccn", "ICCN"),
            Map.entry("zlb", "ZLB"), Map.entry("hello", "HELLO"), Map.entry("cdn", "CDN"),
            Map.entry("stopccn", "StopCCN"));

    @TempDir
    Path tmp;

    @Test
    @DisplayName("flags a control message whose AVP claims 50 bytes in a 20-byte message as malformed")
    void malformedIsCaught() throws IOException {
        byte[] bad = HexFormat.of().parseHex(
                "c802" + "0014"          // T=1 L=1 S=1 Ver=2; Length 20
                + "0000" + "0000"        // Tunnel ID 0, Session ID 0
                + "0000" + "0000"        // Ns 0, Nr 0
                + "8032" + "0000"        // AVP: M=1, length 50 (only 8 bytes follow); vendor 0
                + "0000" + "0001");      // AVP type 0 (Message Type), value SCCRQ
        Path pcap = tmp.resolve("bad.pcap");
        try (PcapWriter w = PcapWriter.create(pcap)) {
            w.udp(40000, 1701, bad);
        }
        TsharkCheck c = Tshark.check(pcap);
        assertThat(c.packets()).isEqualTo(1);
        assertThat(c.malformed()).isEqualTo(1);
        assertThat(c.clean()).isFalse();
        assertThat(c.problems()).singleElement().asString().contains("frame 1").contains("Malformed");
    }

    @Test
    @DisplayName("passes every real xl2tpd vector as the message type its file is named after, on a free port")
    void vectorsAreClean() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(VECTORS)) {
            files = s.filter(p -> p.toString().endsWith(".hex")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        int port = FreePort.udp();
        Path pcap = tmp.resolve("vectors.pcap");
        try (PcapWriter w = PcapWriter.create(pcap)) {
            for (Path f : files) {
                w.udp(port + 1, port, HexFormat.of().parseHex(Files.readString(f).strip()));
            }
        }
        TsharkCheck c = Tshark.check(pcap, port);
        assertThat(c.problems()).as(c.summary()).isEmpty();
        assertThat(c.packets()).isEqualTo(files.size());
        Map<String, Long> expected = files.stream().collect(java.util.stream.Collectors.groupingBy(
                f -> MESSAGE_BY_FILE.get(f.getFileName().toString().split("[-.]")[0]),
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        expected.forEach((message, n) -> assertThat(c.count(message)).as("%s in %s", message, c.summary())
                .isEqualTo(n.intValue()));
    }

    @Test
    @DisplayName("decodes L2TP only on the ports it is told about, besides 1701")
    void portsMatter() throws IOException {
        byte[] zlb = HexFormat.of().parseHex("c802000c1234000000010002");
        Path pcap = tmp.resolve("zlb.pcap");
        try (PcapWriter w = PcapWriter.create(pcap)) {
            w.udp(40000, 40001, zlb);
        }
        assertThat(Tshark.check(pcap).count("ZLB")).isZero();
        assertThat(Tshark.check(pcap, 40001).count("ZLB")).isEqualTo(1);
    }

    @Test
    @DisplayName("a retransmission (same sender, tunnel and Ns) counts twice as a message but once as a distinct one")
    void retransmissionsCountOnce() throws IOException {
        byte[] icrq = HexFormat.of().parseHex(Files.readString(VECTORS.resolve(firstVector("icrq"))).strip());
        int port = FreePort.udp();
        Path pcap = tmp.resolve("retransmitted.pcap");
        try (PcapWriter w = PcapWriter.create(pcap)) {
            w.udp(port + 1, port, icrq);
            w.udp(port + 1, port, icrq);
            w.udp(port + 2, port, icrq); // another sender: another message
        }
        TsharkCheck c = Tshark.check(pcap, port);
        assertThat(c.count("ICRQ")).isEqualTo(3);
        assertThat(c.distinct("ICRQ")).isEqualTo(2);
    }

    private static String firstVector(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(VECTORS)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().findFirst().orElseThrow();
        }
    }
}
