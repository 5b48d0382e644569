package net.vpdn.ppp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("PPP frame codec")
class PppFrameCodecTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Nested
    @DisplayName("decodes")
    class Decodes {
        @Test
        @DisplayName("a full LCP header: ff 03 c0 21")
        void fullHeader() {
            // ff = all-stations address, 03 = UI control, c021 = LCP, then the information field
            PppFrame f = PppFrameCodec.decode(hex("ff03 c021 01010004"), PppFraming.strict(false, false)).orThrow();
            assertThat(f.protocol()).isEqualTo(PppProtocol.LCP.number());
            assertThat(f.information()).isEqualTo(Octets.fromHex("01010004"));
        }

        @Test
        @DisplayName("a frame with address/control and protocol compressed (ACFC + PFC)")
        void bothCompressed() {
            // 21 = IPv4 in one octet, then payload 45
            PppFrame f = PppFrameCodec.decode(hex("21 45"), PppFraming.initial()).orThrow();
            assertThat(f.protocol()).isEqualTo(0x21);
            assertThat(f.information()).isEqualTo(Octets.fromHex("45"));
        }

        @Test
        @DisplayName("an empty information field")
        void emptyInformation() {
            assertThat(PppFrameCodec.decode(hex("ff03 8021"), PppFraming.initial()).orThrow().information().isEmpty()).isTrue();
        }
    }

    @Nested
    @DisplayName("drops with a reason")
    class Drops {
        @Test
        @DisplayName("an empty frame")
        void empty() {
            assertReason(hex(""), PppFraming.initial(), PppDropReason.EMPTY);
        }

        @Test
        @DisplayName("0xff followed by a control octet other than 0x03")
        void badControl() {
            assertReason(hex("ff05 c021"), PppFraming.initial(), PppDropReason.BAD_CONTROL_FIELD);
        }

        @Test
        @DisplayName("a missing address/control when ACFC was not negotiated")
        void acfc() {
            assertReason(hex("c021 0101 0004"), PppFraming.strict(false, true), PppDropReason.ACFC_NOT_NEGOTIATED);
        }

        @Test
        @DisplayName("a one-octet protocol when PFC was not negotiated")
        void pfc() {
            assertReason(hex("ff03 21 45"), PppFraming.strict(true, false), PppDropReason.PFC_NOT_NEGOTIATED);
        }

        @Test
        @DisplayName("a protocol with an even low octet")
        void invalidProtocol() {
            assertReason(hex("ff03 c022"), PppFraming.initial(), PppDropReason.INVALID_PROTOCOL);
        }

        @Test
        @DisplayName("a protocol field cut after its first octet")
        void cutProtocol() {
            assertReason(hex("ff03 c0"), PppFraming.initial(), PppDropReason.TRUNCATED_HEADER);
        }

        private void assertReason(byte[] in, PppFraming framing, PppDropReason reason) {
            assertThat(PppFrameCodec.decode(in, framing))
                    .isInstanceOfSatisfying(Decoded.Malformed.class, m -> assertThat(m.reason()).isEqualTo(reason));
        }
    }

    @Nested
    @DisplayName("encodes")
    class Encodes {
        @Test
        @DisplayName("LCP uncompressed even when ACFC and PFC are in force (RFC 1661 §6.5, §6.6)")
        void lcpNeverCompressed() {
            PppFraming compressed = new PppFraming(true, true, false, true);
            byte[] out = PppFrameCodec.encode(new PppFrame(0xC021, Octets.fromHex("0901000c")), compressed);
            assertThat(HexFormat.of().formatHex(out)).isEqualTo("ff03c0210901000c");
        }

        @Test
        @DisplayName("IPv4 as one protocol octet and no address/control when both are in force")
        void ipCompressed() {
            PppFraming compressed = new PppFraming(true, true, false, true);
            byte[] out = PppFrameCodec.encode(new PppFrame(0x0021, Octets.fromHex("45")), compressed);
            assertThat(HexFormat.of().formatHex(out)).isEqualTo("2145");
        }
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 20).map(i -> 0x5EED0000L + i).boxed();
    }

    @ParameterizedTest(name = "seed {0}: decode(encode(frame)) == frame under every framing")
    @MethodSource("seeds")
    void roundTrip(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            int protocol = (r.nextInt(0x80) << 9) | (r.nextInt(0x80) << 1) | 1;
            if (r.nextBoolean()) {
                protocol &= 0xFF;
            }
            byte[] info = new byte[r.nextInt(40)];
            r.nextBytes(info);
            PppFrame frame = new PppFrame(protocol, Octets.of(info));
            PppFraming tx = new PppFraming(true, true, r.nextBoolean(), r.nextBoolean());
            byte[] wire = PppFrameCodec.encode(frame, tx);
            assertThat(PppFrameCodec.decode(wire, PppFraming.initial()).orThrow()).isEqualTo(frame);
        }
    }

    @ParameterizedTest(name = "seed {0}: random, truncated and bit-flipped frames never throw")
    @MethodSource("seeds")
    void decoderIsTotal(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] good = hex("ff03 c021 0101000e 0104 05dc 0506 12345678");
        for (int i = 0; i < 2000; i++) {
            byte[] in = Fuzz.mutate(good, r);
            PppFraming framing = new PppFraming(r.nextBoolean(), r.nextBoolean(), true, false);
            Decoded<PppFrame> d = PppFrameCodec.decode(in, framing);
            assertThat(d).isNotNull();
            if (d instanceof Decoded.Ok<PppFrame> ok) {
                Decoded<CpPacket> p = CpPacketCodec.decode(ok.value().information());
                if (p instanceof Decoded.Ok<CpPacket> pk) {
                    assertThat(CpOptions.parse(pk.value().data())).isNotNull();
                }
            }
        }
    }
}
