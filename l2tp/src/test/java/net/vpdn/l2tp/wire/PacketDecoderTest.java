package net.vpdn.l2tp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("PacketDecoder and PacketEncoder (RFC 2661 §3.1, §4.1)")
class PacketDecoderTest {

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    private static DecodeResult decode(byte[] b) {
        return PacketDecoder.decode(b, 0, b.length);
    }

    private static DecodeResult.Malformed malformed(byte[] b) {
        DecodeResult r = decode(b);
        assertThat(r).isInstanceOf(DecodeResult.Malformed.class);
        return (DecodeResult.Malformed) r;
    }

    @Nested
    @DisplayName("RFC header vectors")
    class Vectors {
        @Test
        @DisplayName("an SCCRQ decodes to its header fields and five raw AVPs, and re-encodes to the same octets")
        void sccrq() {
            byte[] bytes = net.vpdn.l2tp.wire.Vectors.load("sccrq");
            DecodeResult r = decode(bytes);
            assertThat(r).isInstanceOf(DecodeResult.Control.class);
            ControlPacket p = ((DecodeResult.Control) r).packet();
            assertThat(p.tunnelId()).isZero();
            assertThat(p.ns()).isZero();
            assertThat(p.avps()).extracting(RawAvp::attributeType).containsExactly(0, 2, 7, 3, 9);
            assertThat(p.avps()).allMatch(a -> a.mandatory() && !a.hidden() && a.vendorId() == 0);
            assertThat(p.avps().get(2).value()).isEqualTo(Bytes.of("lac".getBytes()));
            assertThat(PacketEncoder.encodeControl(p)).isEqualTo(bytes);
        }

        @Test
        @DisplayName("a ZLB is a control packet without AVPs, keeping Ns and Nr")
        void zlb() {
            byte[] bytes = net.vpdn.l2tp.wire.Vectors.load("zlb");
            ControlPacket p = ((DecodeResult.Control) decode(bytes)).packet();
            assertThat(p).isEqualTo(new ControlPacket(1, 0, 3, 7, List.of()));
            assertThat(p.isZlb()).isTrue();
            assertThat(PacketEncoder.encodeControl(p)).isEqualTo(bytes);
        }

        @Test
        @DisplayName("a data message with no optional fields carries everything after octet 6 as payload")
        void dataPlain() {
            DecodeResult r = decode(net.vpdn.l2tp.wire.Vectors.load("data-plain"));
            assertThat(r).isEqualTo(new DecodeResult.Data(0x1234, 0xabcd, false, 0, 0, Bytes.fromHex("ff03c02101010004")));
        }

        @Test
        @DisplayName("a data message with L, S, O and P skips the offset pad and honours Length")
        void dataAllFields() {
            byte[] bytes = net.vpdn.l2tp.wire.Vectors.load("data-seq-offset");
            byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + 3);
            DecodeResult r = decode(padded);
            assertThat(r).isEqualTo(new DecodeResult.Data(1, 2, true, 5, 0, Bytes.fromHex("ff030021")));
            L2tpHeader h = new L2tpHeader();
            assertThat(h.parse(ByteBuffer.wrap(padded))).isNull();
            assertThat(h.priority()).isTrue();
            assertThat(h.payloadOffset()).isEqualTo(16);
            assertThat(h.payloadLength()).isEqualTo(4);
        }

        @Test
        @DisplayName("Ver 1 is recognised as L2F and Ver 3 as L2TPv3, each with its own reason")
        void otherVersions() {
            assertThat(malformed(net.vpdn.l2tp.wire.Vectors.load("l2f")).reason()).isEqualTo(DropReason.L2F_VERSION);
            assertThat(malformed(net.vpdn.l2tp.wire.Vectors.load("l2tpv3")).reason()).isEqualTo(DropReason.L2TPV3_VERSION);
            assertThat(malformed(hex("c80f000c00000000")).reason()).isEqualTo(DropReason.UNSUPPORTED_VERSION);
            assertThat(malformed(hex("0000")).reason()).isEqualTo(DropReason.UNSUPPORTED_VERSION);
        }

        @Test
        @DisplayName("reserved x bits of the header are ignored on receipt")
        void reservedHeaderBitsIgnored() {
            // 0x30F0: both x bit pairs and the four x bits above Ver, on a data message.
            assertThat(decode(hex("30f2 0001 0002 aa"))).isEqualTo(new DecodeResult.Data(1, 2, false, 0, 0, Bytes.fromHex("aa")));
        }
    }

    @Nested
    @DisplayName("malformed headers (one field of a good vector changed)")
    class BadHeaders {
        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({
            "TRUNCATED_HEADER,         c8",
            "TRUNCATED_HEADER,         c802000c000000000000",
            "CONTROL_WITHOUT_LENGTH,   8802000000000000",
            "CONTROL_WITHOUT_SEQUENCE, c002000c00000000",
            "CONTROL_WITH_OFFSET,      ca02000e0000000000000000",
            "CONTROL_WITH_PRIORITY,    c902000c000000000000",
            "LENGTH_BELOW_HEADER,      c802000b0000000000000000",
            "LENGTH_MISMATCH,          c802000d0000000000000000",
            "BAD_OFFSET,               0202 0001 0002 0003 aabb",
            "TRUNCATED_HEADER,         0802 0001 0002 00",
        })
        void headerReasons(DropReason reason, String packet) {
            DecodeResult.Malformed m = malformed(hex(packet));
            assertThat(m.reason()).isEqualTo(reason);
            assertThat(m.detail()).isNotBlank();
        }

        @Test
        @DisplayName("a Length beyond the datagram names both numbers")
        void lengthDetail() {
            assertThat(malformed(hex("c8020040 0000 0000 0000 0000")).detail())
                    .isEqualTo("Length field 64 exceeds the 12 octets received");
        }
    }

    @Nested
    @DisplayName("malformed AVP framing")
    class BadAvps {
        @Test
        @DisplayName("an AVP whose length runs past the message is reported with its offset")
        void overrun() {
            byte[] b = net.vpdn.l2tp.wire.Vectors.load("sccrq");
            b[12 + 8 + 8 + 1] = 40; // Host Name AVP (offset 28) now claims 40 octets
            DecodeResult.Malformed m = malformed(b);
            assertThat(m.reason()).isEqualTo(DropReason.AVP_OVERRUNS_MESSAGE);
            assertThat(m.detail()).isEqualTo("AVP at offset 28 declares length 40 but only 27 octets remain");
        }

        @Test
        @DisplayName("an AVP length below 6 cannot advance the parser and is refused")
        void belowHeader() {
            byte[] b = net.vpdn.l2tp.wire.Vectors.load("sccrq");
            b[12 + 1] = 5;
            assertThat(malformed(b).reason()).isEqualTo(DropReason.AVP_LENGTH_BELOW_HEADER);
        }

        @Test
        @DisplayName("fewer than 6 trailing octets cannot hold an AVP header")
        void trailing() {
            assertThat(malformed(hex("c802 0011 0000 0000 0000 0000 8008000000")).reason()).isEqualTo(DropReason.AVP_TOO_SHORT);
        }

        @Test
        @DisplayName("reserved AVP bits are kept for the AVP layer, not dropped here (§4.1)")
        void reservedAvpBits() {
            ControlPacket p = ((DecodeResult.Control) decode(hex("c802 0014 0000 0000 0000 0000 8408 0000 0000 0001"))).packet();
            assertThat(p.avps().getFirst().reservedBits()).isEqualTo(1);
            assertThat(p.avps().getFirst().value()).isEqualTo(Bytes.fromHex("0001"));
        }
    }

    @Nested
    @DisplayName("data encoding")
    class DataEncoding {
        @Test
        @DisplayName("writeDataHeader writes 6 or 10 octets without the L bit and decodes back")
        void header() {
            ByteBuffer buf = ByteBuffer.allocate(32);
            assertThat(PacketEncoder.writeDataHeader(buf, 7, 9, true, 0xFFFF, 0)).isEqualTo(10);
            assertThat(PacketEncoder.writeDataHeader(buf, 7, 9, false, 0, 0)).isEqualTo(6);
            assertThat(HexFormat.of().formatHex(buf.array(), 0, 16)).isEqualTo("08020007" + "0009ffff0000" + "000200070009");
            byte[] d = PacketEncoder.encodeData(7, 9, true, 3, 0, hex("ff03c021"));
            assertThat(decode(d)).isEqualTo(new DecodeResult.Data(7, 9, true, 3, 0, Bytes.fromHex("ff03c021")));
        }

        @Test
        @DisplayName("the decoder honours position and limit of a ByteBuffer and leaves them untouched")
        void bufferWindow() {
            byte[] d = PacketEncoder.encodeData(1, 2, false, 0, 0, hex("0102"));
            byte[] framed = new byte[d.length + 8];
            System.arraycopy(d, 0, framed, 4, d.length);
            ByteBuffer buf = ByteBuffer.wrap(framed, 4, d.length);
            assertThat(PacketDecoder.decode(buf)).isEqualTo(new DecodeResult.Data(1, 2, false, 0, 0, Bytes.fromHex("0102")));
            assertThat(buf.position()).isEqualTo(4);
            assertThat(buf.limit()).isEqualTo(4 + d.length);
        }
    }

    @Test
    @DisplayName("drop reason labels are lower_snake metric labels")
    void labels() {
        assertThat(DropReason.L2TPV3_VERSION.label()).isEqualTo("l2tpv3_version");
        assertThat(DropReason.values()).allMatch(r -> r.label().matches("[a-z0-9_]+"));
    }
}
