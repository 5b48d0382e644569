package net.vpdn.tests.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.AvpCodec;
import net.vpdn.l2tp.avp.AvpType;
import net.vpdn.l2tp.avp.HidingPolicy;
import net.vpdn.l2tp.avp.MessageSpec;
import net.vpdn.l2tp.wire.Bytes;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.ControlPacket;
import net.vpdn.l2tp.wire.MessageType;
import net.vpdn.l2tp.wire.PacketEncoder;
import net.vpdn.tests.peers.PcapWriter;
import net.vpdn.tests.peers.RealPeers;
import net.vpdn.tests.peers.Tshark;
import net.vpdn.tests.peers.TsharkCheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wireshark's L2TP dissector judges what our encoder writes: every message type with every AVP
 * it may carry, hidden AVPs, ZLBs and data messages, so that two halves of one mistake cannot
 * agree with each other unnoticed.
 */
@RealPeers
@DisplayName("tshark decodes everything our L2TP encoder writes")
class L2tpWireTsharkTest {
    static final int LAC_PORT = 40001;
    static final int LNS_PORT = 40002;

    @TempDir
    Path tmp;

    /** A plausible value for each AVP type. */
    static Avp sample(AvpType t) {
        return switch (t) {
            case MESSAGE_TYPE -> throw new IllegalArgumentException("the message type is not an AVP value");
            case RESULT_CODE -> new Avp.ResultCode(2, 6, "sample error");
            case PROTOCOL_VERSION -> new Avp.ProtocolVersion(1, 0);
            case FRAMING_CAPABILITIES -> new Avp.FramingCapabilities(true, true);
            case BEARER_CAPABILITIES -> new Avp.BearerCapabilities(true, false);
            case TIE_BREAKER -> new Avp.TieBreaker(0x0123456789ABCDEFL);
            case FIRMWARE_REVISION -> new Avp.FirmwareRevision(0x0100);
            case HOST_NAME -> new Avp.HostName("lac1.example.net");
            case VENDOR_NAME -> new Avp.VendorName("vpdn");
            case ASSIGNED_TUNNEL_ID -> new Avp.AssignedTunnelId(0x1234);
            case RECEIVE_WINDOW_SIZE -> new Avp.ReceiveWindowSize(16);
            case CHALLENGE -> new Avp.Challenge(Bytes.fromHex("00112233445566778899aabbccddeeff"));
            case Q931_CAUSE_CODE -> new Avp.Q931CauseCode(16, 0x5a, "normal clearing");
            case CHALLENGE_RESPONSE -> new Avp.ChallengeResponse(Bytes.fromHex("0f1e2d3c4b5a69788796a5b4c3d2e1f0"));
            case ASSIGNED_SESSION_ID -> new Avp.AssignedSessionId(0x4321);
            case CALL_SERIAL_NUMBER -> new Avp.CallSerialNumber(42);
            case MINIMUM_BPS -> new Avp.MinimumBps(64_000);
            case MAXIMUM_BPS -> new Avp.MaximumBps(100_000_000);
            case BEARER_TYPE -> new Avp.BearerType(true, false);
            case FRAMING_TYPE -> new Avp.FramingType(true, false);
            case CALLED_NUMBER -> new Avp.CalledNumber("100");
            case CALLING_NUMBER -> new Avp.CallingNumber("0311112222");
            case SUB_ADDRESS -> new Avp.SubAddress("7");
            case TX_CONNECT_SPEED -> new Avp.TxConnectSpeed(100_000_000);
            case RX_CONNECT_SPEED -> new Avp.RxConnectSpeed(20_000_000);
            case PHYSICAL_CHANNEL_ID -> new Avp.PhysicalChannelId(7);
            // LCP options of a Configure-Request (no header): MRU 1492, magic number, auth CHAP-MD5.
            case INITIAL_RECEIVED_LCP_CONFREQ -> new Avp.InitialReceivedLcpConfReq(Bytes.fromHex("010405d4050612345678"));
            case LAST_SENT_LCP_CONFREQ -> new Avp.LastSentLcpConfReq(Bytes.fromHex("010405d40305c22305050687654321"));
            case LAST_RECEIVED_LCP_CONFREQ -> new Avp.LastReceivedLcpConfReq(Bytes.fromHex("010405d4050612345678"));
            case PROXY_AUTHEN_TYPE -> new Avp.ProxyAuthenType(2);
            case PROXY_AUTHEN_NAME -> new Avp.ProxyAuthenName("alice@example.com");
            case PROXY_AUTHEN_CHALLENGE -> new Avp.ProxyAuthenChallenge(Bytes.fromHex("a1a2a3a4a5a6a7a8a9aaabacadaeafb0"));
            case PROXY_AUTHEN_ID -> new Avp.ProxyAuthenId(7);
            case PROXY_AUTHEN_RESPONSE -> new Avp.ProxyAuthenResponse(Bytes.fromHex("c1c2c3c4c5c6c7c8c9cacbcccdcecfd0"));
            case CALL_ERRORS -> new Avp.CallErrors(1, 2, 3, 4, 5, 6);
            case ACCM -> new Avp.Accm(0xFFFFFFFFL, 0);
            case RANDOM_VECTOR -> new Avp.RandomVector(Bytes.fromHex("0102030405060708090a0b0c0d0e0f10"));
            case PRIVATE_GROUP_ID -> new Avp.PrivateGroupId(Bytes.fromHex("67726f757031"));
            case SEQUENCING_REQUIRED -> new Avp.SequencingRequired();
            case PPP_DISCONNECT_CAUSE_CODE -> new Avp.PppDisconnectCause(1, 0xC021, 1, "peer terminated");
        };
    }

    /** The AVPs each message type carries in this capture: its required ones and what it may add. */
    static List<Avp> avpsFor(MessageType type) {
        List<AvpType> types = new ArrayList<>(MessageSpec.required(type));
        types.remove(AvpType.MESSAGE_TYPE);
        types.addAll(switch (type) {
            case SCCRQ, SCCRP -> List.of(AvpType.BEARER_CAPABILITIES, AvpType.TIE_BREAKER, AvpType.FIRMWARE_REVISION,
                    AvpType.VENDOR_NAME, AvpType.RECEIVE_WINDOW_SIZE, AvpType.CHALLENGE, AvpType.CHALLENGE_RESPONSE);
            case SCCCN -> List.of(AvpType.CHALLENGE_RESPONSE);
            case ICRQ -> List.of(AvpType.BEARER_TYPE, AvpType.PHYSICAL_CHANNEL_ID, AvpType.CALLING_NUMBER,
                    AvpType.CALLED_NUMBER, AvpType.SUB_ADDRESS);
            case ICCN -> List.of(AvpType.INITIAL_RECEIVED_LCP_CONFREQ, AvpType.LAST_SENT_LCP_CONFREQ,
                    AvpType.LAST_RECEIVED_LCP_CONFREQ, AvpType.PROXY_AUTHEN_TYPE, AvpType.PROXY_AUTHEN_NAME,
                    AvpType.PROXY_AUTHEN_CHALLENGE, AvpType.PROXY_AUTHEN_ID, AvpType.PROXY_AUTHEN_RESPONSE,
                    AvpType.RX_CONNECT_SPEED, AvpType.PRIVATE_GROUP_ID, AvpType.SEQUENCING_REQUIRED);
            case CDN -> List.of(AvpType.Q931_CAUSE_CODE);
            case OCRQ -> List.of(AvpType.SUB_ADDRESS);
            case OCCN -> List.of(AvpType.RX_CONNECT_SPEED, AvpType.SEQUENCING_REQUIRED);
            default -> List.of();
        });
        return types.stream().distinct().map(L2tpWireTsharkTest::sample).toList();
    }

    static byte[] encode(ControlMessage m, int ns, int nr, HidingPolicy hiding) {
        return PacketEncoder.encodeControl(new ControlPacket(m.tunnelId(), m.sessionId(), ns, nr,
                AvpCodec.encode(m, hiding, RandomSource.seeded(ns))));
    }

    @Test
    @DisplayName("each of the 14 message types with all its AVPs, a ZLB and data messages: no malformed packet, no expert warning")
    void everyMessageType() throws IOException {
        Path pcap = tmp.resolve("all-types.pcap");
        int ns = 0;
        try (PcapWriter w = PcapWriter.create(pcap)) {
            for (MessageType type : MessageType.values()) {
                int session = type.scope() == MessageType.Scope.SESSION ? 0x4321 : 0;
                w.udp(LAC_PORT, LNS_PORT, encode(new ControlMessage(type, 0x1234, session, avpsFor(type)), ns++, 0,
                        HidingPolicy.none()));
            }
            w.udp(LNS_PORT, LAC_PORT, PacketEncoder.encodeControl(new ControlPacket(0x5678, 0, 0, ns, List.of())));
            byte[] lcpEcho = {(byte) 0xFF, 0x03, (byte) 0xC0, 0x21, 0x09, 0x01, 0x00, 0x08, 0x12, 0x34, 0x56, 0x78};
            w.udp(LAC_PORT, LNS_PORT, PacketEncoder.encodeData(0x1234, 0x4321, false, 0, 0, lcpEcho));
            w.udp(LAC_PORT, LNS_PORT, PacketEncoder.encodeData(0x1234, 0x4321, true, 5, 9, lcpEcho));
        }
        TsharkCheck c = Tshark.check(pcap, LAC_PORT, LNS_PORT);
        assertThat(c.malformed()).as(c.summary()).isZero();
        assertThat(c.problems()).as(c.summary()).isEmpty();
        for (MessageType type : MessageType.values()) {
            assertThat(c.count(tsharkName(type))).as("%s in %s", type, c.summary()).isEqualTo(1);
        }
        assertThat(c.count("ZLB")).as(c.summary()).isEqualTo(1);
    }

    @Test
    @DisplayName("hidden AVPs (RFC 2661 §4.3) are framed so tshark sees them as hidden, with no malformed packet")
    void hiddenAvps() throws IOException {
        Path pcap = tmp.resolve("hidden.pcap");
        HidingPolicy hide = HidingPolicy.hide(TunnelSecret.of("s3cret"), java.util.Set.of(
                AvpType.CALLING_NUMBER, AvpType.CALLED_NUMBER, AvpType.PROXY_AUTHEN_NAME, AvpType.PROXY_AUTHEN_RESPONSE,
                AvpType.PROXY_AUTHEN_CHALLENGE, AvpType.LAST_SENT_LCP_CONFREQ));
        try (PcapWriter w = PcapWriter.create(pcap)) {
            w.udp(LAC_PORT, LNS_PORT, encode(new ControlMessage(MessageType.ICRQ, 0x1234, 0, avpsFor(MessageType.ICRQ)), 1, 1, hide));
            w.udp(LAC_PORT, LNS_PORT, encode(new ControlMessage(MessageType.ICCN, 0x1234, 0x4321, avpsFor(MessageType.ICCN)), 2, 1, hide));
        }
        TsharkCheck c = Tshark.check(pcap, LAC_PORT, LNS_PORT);
        assertThat(c.malformed()).as(c.summary()).isZero();
        assertThat(c.problems()).as(c.summary()).isEmpty();
        assertThat(c.count("ICRQ") + c.count("ICCN")).as(c.summary()).isEqualTo(2);
        List<String> lines = Tshark.summaries(pcap, LAC_PORT, LNS_PORT);
        assertThat(String.join("\n", lines)).doesNotContain("alice@example.com");
    }

    static String tsharkName(MessageType t) {
        return switch (t) {
            case STOPCCN -> "StopCCN";
            default -> t.name();
        };
    }
}
