package net.vpdn.ppp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Control packets and option lists")
class CpPacketCodecTest {

    @Nested
    @DisplayName("a control packet")
    class Packet {
        @Test
        @DisplayName("keeps code, identifier and the data Length covers, ignoring padding (RFC 1661 §5)")
        void padding() {
            // 01 = Configure-Request, 07 = id, 0008 = Length, 0104 05dc = MRU 1500, then 2 octets padding
            CpPacket p = CpPacketCodec.decode(Octets.fromHex("01070008010405dc0000")).orThrow();
            assertThat(p).isEqualTo(CpPacket.of(CpCode.CONFIGURE_REQUEST, 7, Octets.fromHex("010405dc")));
        }

        @Test
        @DisplayName("is dropped when Length is below 4")
        void lengthTooSmall() {
            assertReason(CpPacketCodec.decode(Octets.fromHex("01070003")), PppDropReason.CP_LENGTH_TOO_SMALL);
        }

        @Test
        @DisplayName("is dropped when Length exceeds the octets received")
        void lengthTooBig() {
            assertReason(CpPacketCodec.decode(Octets.fromHex("01070009010405dc")), PppDropReason.CP_LENGTH_EXCEEDS_FRAME);
        }

        @Test
        @DisplayName("is dropped when shorter than its header")
        void truncated() {
            assertReason(CpPacketCodec.decode(Octets.fromHex("0107")), PppDropReason.CP_TRUNCATED_HEADER);
        }
    }

    @Nested
    @DisplayName("an option list")
    class Options {
        @Test
        @DisplayName("parses options in order, zero-length values included")
        void parses() {
            // 0104 05dc = MRU 1500; 0702 = PFC; 0802 = ACFC
            List<CpOption> o = CpOptions.parse(Octets.fromHex("010405dc07020802")).orThrow();
            assertThat(o).containsExactly(new CpOption(1, Octets.fromHex("05dc")),
                    new CpOption(7, Octets.EMPTY), new CpOption(8, Octets.EMPTY));
        }

        @Test
        @DisplayName("is dropped when an option Length is below 2")
        void lengthBelowTwo() {
            assertReason(CpOptions.parse(Octets.fromHex("0701")), PppDropReason.OPTION_LENGTH_TOO_SMALL);
        }

        @Test
        @DisplayName("is dropped when an option runs past the data")
        void runsPast() {
            assertReason(CpOptions.parse(Octets.fromHex("010605dc")), PppDropReason.OPTION_LENGTH_EXCEEDS_DATA);
        }

        @Test
        @DisplayName("is dropped when a lone type octet remains")
        void loneType() {
            assertReason(CpOptions.parse(Octets.fromHex("070201")), PppDropReason.OPTION_TRUNCATED);
        }
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 20).map(i -> 0xC0DE0000L + i).boxed();
    }

    @ParameterizedTest(name = "seed {0}: parse(encode(options)) == options and packets round-trip")
    @MethodSource("seeds")
    void roundTrip(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            List<CpOption> options = new ArrayList<>();
            for (int n = r.nextInt(8); n > 0; n--) {
                byte[] v = new byte[r.nextInt(12)];
                r.nextBytes(v);
                options.add(new CpOption(r.nextInt(256), Octets.of(v)));
            }
            Octets data = CpOptions.encode(options);
            assertThat(CpOptions.parse(data).orThrow()).isEqualTo(options);
            CpPacket p = new CpPacket(r.nextInt(256), r.nextInt(256), data);
            assertThat(CpPacketCodec.decode(CpPacketCodec.encode(p)).orThrow()).isEqualTo(p);
        }
    }

    private static void assertReason(Decoded<?> d, PppDropReason reason) {
        assertThat(d).isInstanceOfSatisfying(Decoded.Malformed.class, m -> {
            assertThat(m.reason()).isEqualTo(reason);
            assertThat(m.detail()).isNotBlank();
        });
    }
}
