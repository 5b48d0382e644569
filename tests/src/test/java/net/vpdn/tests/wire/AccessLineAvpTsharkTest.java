package net.vpdn.tests.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.HidingPolicy;
import net.vpdn.l2tp.wire.MessageType;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.lac.access.LineIdentity;
import net.vpdn.l2tp.session.AccessLineAvps;
import net.vpdn.tests.peers.PcapWriter;
import net.vpdn.tests.peers.RealPeers;
import net.vpdn.tests.peers.Tshark;
import net.vpdn.tests.peers.TsharkCheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RFC 5515 access line AVPs our LAC puts in an ICRQ for a PPPoE line with TR-101 identifiers:
 * Wireshark must decode them as the Broadband Forum's Agent-Circuit-Id and Agent-Remote-Id.
 */
@RealPeers
@DisplayName("tshark decodes the ICRQ's Agent-Circuit-Id and Agent-Remote-Id (RFC 5515)")
class AccessLineAvpTsharkTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("vendor 3561 types 1 and 2, values as sent, no malformed packet or expert warning")
    void agentIds() throws Exception {
        LineIdentity line = new LineIdentity("pppoe/eth1/52:54:00:00:00:01/7", "dslam1 eth 1/1/01/21:100", "", true, true,
                1_000_000_000L, 0, OptionalLong.of(7), "dslam1 eth 1/1/01/21:100", "cpe-0042");
        List<Avp> avps = new ArrayList<>(L2tpWireTsharkTest.avpsFor(MessageType.ICRQ));
        avps.addAll(AccessLineAvps.of(line.agentCircuitId(), line.agentRemoteId()));
        Path pcap = tmp.resolve("icrq.pcap");
        try (PcapWriter w = PcapWriter.create(pcap)) {
            w.udp(L2tpWireTsharkTest.LAC_PORT, L2tpWireTsharkTest.LNS_PORT, L2tpWireTsharkTest.encode(
                    new ControlMessage(MessageType.ICRQ, 0x1234, 0, avps), 1, 1, HidingPolicy.none()));
        }
        TsharkCheck c = Tshark.check(pcap, L2tpWireTsharkTest.LAC_PORT, L2tpWireTsharkTest.LNS_PORT);
        assertThat(c.malformed()).as(c.summary()).isZero();
        assertThat(c.problems()).as(c.summary()).isEmpty();
        assertThat(Tshark.fields(pcap, List.of("l2tp.broadband.agent_circuit_id", "l2tp.broadband.agent_remote_id"),
                L2tpWireTsharkTest.LAC_PORT, L2tpWireTsharkTest.LNS_PORT))
                .containsExactly("dslam1 eth 1/1/01/21:100\tcpe-0042");
    }
}
