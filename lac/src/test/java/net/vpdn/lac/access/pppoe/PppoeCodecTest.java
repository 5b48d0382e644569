package net.vpdn.lac.access.pppoe;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("PPPoE codec: Ethernet, 802.1Q, discovery tags, session headers")
class PppoeCodecTest {
    static final long CLIENT = Pppoe.mac("52:54:00:12:34:56");
    static final long AC = Pppoe.mac("02:00:00:00:00:01");

    static LongStream seeds() {
        return LongStream.range(0, 200).map(i -> 0x5EED_0000L + i);
    }

    static DiscoveryPacket randomPacket(SplittableRandom r) {
        int[] codes = {Pppoe.PADI, Pppoe.PADO, Pppoe.PADR, Pppoe.PADS, Pppoe.PADT};
        List<Tag> tags = new ArrayList<>();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            byte[] v = new byte[r.nextInt(40)];
            r.nextBytes(v);
            tags.add(new Tag(1 + r.nextInt(0xFFFF), v));
        }
        int vlan = r.nextBoolean() ? FrameHeader.UNTAGGED : 1 + r.nextInt(4094);
        return new DiscoveryPacket(r.nextLong() & 0xFEFF_FFFF_FFFFL, r.nextLong() & 0xFEFF_FFFF_FFFFL, vlan,
                codes[r.nextInt(codes.length)], r.nextInt(0x10000), tags);
    }

    static DiscoveryDecode decode(byte[] frame, int vlan) {
        FrameHeader h = new FrameHeader();
        PppoeDrop drop = PppoeDecoder.header(Unpooled.wrappedBuffer(frame), vlan, h);
        if (drop != null) return new DiscoveryDecode.Malformed(drop, "header");
        return PppoeDecoder.discovery(Unpooled.wrappedBuffer(frame), h);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("every discovery packet decodes to itself after encoding, tagged or not")
    void discoveryRoundTrip(long seed) {
        DiscoveryPacket p = randomPacket(new SplittableRandom(seed));
        byte[] frame = PppoeEncoder.discovery(p);
        assertThat(frame.length).isGreaterThanOrEqualTo(Pppoe.ETH_MIN_FRAME);
        assertThat(decode(frame, p.vlan())).isEqualTo(new DiscoveryDecode.Decoded(p));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("mutated and truncated frames never throw: decoded or dropped with a reason")
    void mutationsAreTotal(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] frame = PppoeEncoder.discovery(randomPacket(r));
        for (int round = 0; round < 50; round++) {
            byte[] m = java.util.Arrays.copyOf(frame, r.nextInt(frame.length + 1));
            for (int k = r.nextInt(4); k >= 0 && m.length > 0; k--) m[r.nextInt(m.length)] = (byte) r.nextInt(256);
            DiscoveryDecode d = decode(m, r.nextBoolean() ? FrameHeader.UNTAGGED : r.nextInt(4096));
            assertThat(d).isNotNull();
            if (d instanceof DiscoveryDecode.Malformed bad) assertThat(bad.reason()).isNotNull();
        }
    }

    @Test
    @DisplayName("a session frame's headers: demux fields, payload after the PPPoE header, Ethernet padding ignored")
    void sessionHeader() {
        ByteBuf f = Unpooled.buffer();
        PppoeEncoder.sessionHeader(f, AC, CLIENT, 7, 0x1234, 4);
        f.writeShort(0xC021).writeShort(0x0102).writeZero(30);
        FrameHeader h = new FrameHeader();
        assertThat(PppoeDecoder.header(f, 7, h)).isNull();
        assertThat(h.source).isEqualTo(CLIENT);
        assertThat(h.destination).isEqualTo(AC);
        assertThat(h.sessionId).isEqualTo(0x1234);
        assertThat(h.payloadOffset).as("14 + 4 (802.1Q) + 6").isEqualTo(24);
        assertThat(h.payloadLength).isEqualTo(4);
        assertThat(PppoeDecoder.header(f, FrameHeader.UNTAGGED, h)).isEqualTo(PppoeDrop.WRONG_VLAN);
        assertThat(PppoeDecoder.header(f, 8, h)).isEqualTo(PppoeDrop.WRONG_VLAN);
    }

    @Test
    @DisplayName("headers that lie are dropped by name")
    void badHeaders() {
        FrameHeader h = new FrameHeader();
        ByteBuf f = Unpooled.buffer();
        PppoeEncoder.sessionHeader(f, AC, CLIENT, FrameHeader.UNTAGGED, 5, 200);
        f.writeZero(10);
        assertThat(PppoeDecoder.header(f, FrameHeader.UNTAGGED, h)).isEqualTo(PppoeDrop.BAD_LENGTH);
        f.setShort(18, 4);
        f.setByte(14, 0x21);
        assertThat(PppoeDecoder.header(f, FrameHeader.UNTAGGED, h)).isEqualTo(PppoeDrop.BAD_VERSION);
        f.setByte(14, 0x11).setByte(15, 0x09);
        assertThat(PppoeDecoder.header(f, FrameHeader.UNTAGGED, h)).isEqualTo(PppoeDrop.BAD_SESSION_FIELD);
        f.setByte(15, 0).setShort(16, 0);
        assertThat(PppoeDecoder.header(f, FrameHeader.UNTAGGED, h)).isEqualTo(PppoeDrop.BAD_SESSION_FIELD);
        f.setShort(16, 5).setByte(6, 0x01);
        assertThat(PppoeDecoder.header(f, FrameHeader.UNTAGGED, h)).isEqualTo(PppoeDrop.BAD_SOURCE);
        f.setByte(6, 0x52).setShort(12, 0x0800);
        assertThat(PppoeDecoder.header(f, FrameHeader.UNTAGGED, h)).isEqualTo(PppoeDrop.NOT_PPPOE);
        assertThat(PppoeDecoder.header(f.slice(0, 19), FrameHeader.UNTAGGED, h)).isEqualTo(PppoeDrop.TRUNCATED_HEADER);
    }

    @Test
    @DisplayName("a tag running past LENGTH is malformed; End-Of-List ends the tags")
    void tagBounds() {
        byte[] frame = PppoeEncoder.discovery(new DiscoveryPacket(Pppoe.BROADCAST, CLIENT, -1, Pppoe.PADI, 0,
                List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, "isp"), Tag.text(Pppoe.TAG_HOST_UNIQ, "abcd"))));
        byte[] cut = frame.clone();
        cut[19] = 10; // LENGTH now ends inside the Host-Uniq tag
        assertThat(decode(cut, -1)).isInstanceOfSatisfying(DiscoveryDecode.Malformed.class,
                m -> assertThat(m.reason()).isEqualTo(PppoeDrop.MALFORMED_TAG));
        byte[] eol = frame.clone();
        eol[20 + 7] = 0; // Host-Uniq becomes End-Of-List (type 0x0000)
        eol[20 + 8] = 0;
        assertThat(decode(eol, -1)).isInstanceOfSatisfying(DiscoveryDecode.Decoded.class,
                d -> assertThat(d.packet().tags()).hasSize(1));
    }

    @Test
    @DisplayName("TR-101 line ids: Agent-Circuit-Id and Agent-Remote-Id from the Broadband Forum vendor tag")
    void lineIds() {
        LineIds ids = new LineIds("dslam1 atm 1/1/01/21:8.35", "customer-42");
        assertThat(LineIds.fromVendorTag(ids.toVendorTag())).contains(ids);
        assertThat(LineIds.fromVendorTag(new LineIds("", "only-remote").toVendorTag())).contains(new LineIds("", "only-remote"));
        byte[] other = ids.toVendorTag();
        other[3] = 9; // another vendor
        assertThat(LineIds.fromVendorTag(other)).isEmpty();
        byte[] cut = java.util.Arrays.copyOf(ids.toVendorTag(), 8);
        assertThat(LineIds.fromVendorTag(cut)).isEmpty();
        assertThat(LineIds.fromVendorTag(new byte[2])).isEmpty();
    }

    @Test
    @DisplayName("MAC addresses print and parse, group bit recognised")
    void macs() {
        assertThat(Pppoe.macString(CLIENT)).isEqualTo("52:54:00:12:34:56");
        assertThat(Pppoe.isGroup(Pppoe.BROADCAST)).isTrue();
        assertThat(Pppoe.isGroup(CLIENT)).isFalse();
        assertThat(new Tag(Pppoe.TAG_AC_COOKIE, new byte[16]).toString()).doesNotContain("0000");
    }
}
