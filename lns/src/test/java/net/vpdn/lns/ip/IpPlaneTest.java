package net.vpdn.lns.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("IP plane building blocks")
class IpPlaneTest {

    private static byte[] header() {
        byte[] p = new byte[28];
        p[0] = 0x45;
        p[3] = 28;
        p[8] = 64;
        p[9] = 17;
        p[12] = 10;
        p[15] = 1;
        p[16] = 10;
        p[19] = 2;
        int sum = Ipv4Packets.checksum(Unpooled.wrappedBuffer(p), 0, 20);
        p[10] = (byte) (sum >>> 8);
        p[11] = (byte) sum;
        return p;
    }

    @Nested
    @DisplayName("Ipv4Packets.check")
    class Check {
        @Test
        @DisplayName("accepts a sound header and trims padding beyond Total Length")
        void sound() {
            byte[] padded = java.util.Arrays.copyOf(header(), 40);
            var buf = Unpooled.wrappedBuffer(padded);
            assertThat(Ipv4Packets.check(buf)).isNull();
            assertThat(buf.readableBytes()).isEqualTo(28);
        }

        @Test
        @DisplayName("names the reason for each kind of broken header")
        void reasons() {
            assertThat(Ipv4Packets.check(Unpooled.wrappedBuffer(new byte[19]))).isEqualTo(IpDropReason.TRUNCATED);
            byte[] v6 = header();
            v6[0] = 0x65;
            assertThat(Ipv4Packets.check(Unpooled.wrappedBuffer(v6))).isEqualTo(IpDropReason.NOT_IPV4);
            byte[] ihl = header();
            ihl[0] = 0x44;
            assertThat(Ipv4Packets.check(Unpooled.wrappedBuffer(ihl))).isEqualTo(IpDropReason.BAD_HEADER_LENGTH);
            byte[] total = header();
            total[3] = 29;
            assertThat(Ipv4Packets.check(Unpooled.wrappedBuffer(total))).isEqualTo(IpDropReason.BAD_TOTAL_LENGTH);
            byte[] sum = header();
            sum[15] = 9;
            assertThat(Ipv4Packets.check(Unpooled.wrappedBuffer(sum))).isEqualTo(IpDropReason.BAD_CHECKSUM);
        }

        @Test
        @DisplayName("TTL decrement keeps the header checksum valid (RFC 1624)")
        void ttl() {
            var buf = Unpooled.wrappedBuffer(header());
            for (int i = 0; i < 63; i++) {
                Ipv4Packets.decrementTtl(buf);
                assertThat(Ipv4Packets.checksum(buf, 0, 20)).isZero();
            }
            assertThat(Ipv4Packets.ttl(buf)).isEqualTo(1);
        }

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {1, 2, 3})
        @DisplayName("never throws on random garbage (fuzz)")
        void fuzz(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < 20_000; i++) {
                byte[] p = i % 2 == 0 ? header() : new byte[r.nextInt(60)];
                if (p.length > 0) {
                    p[r.nextInt(p.length)] ^= (byte) (1 << r.nextInt(8));
                }
                int cut = p.length == 0 ? 0 : r.nextInt(p.length + 1);
                Ipv4Packets.check(Unpooled.wrappedBuffer(p, 0, cut));
            }
        }
    }

    @Nested
    @DisplayName("IntKeyMap")
    class Map1 {
        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {7, 8})
        @DisplayName("agrees with HashMap under random puts and removes, through growth")
        void model(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            IntKeyMap<String> map = new IntKeyMap<>(4);
            Map<Integer, String> model = new HashMap<>();
            for (int i = 0; i < 50_000; i++) {
                int key = 1 + r.nextInt(2_000);
                if (r.nextInt(3) == 0) {
                    String v = model.get(key);
                    assertThat(map.remove(key, v)).isEqualTo(v != null);
                    model.remove(key);
                } else {
                    String v = "v" + key;
                    assertThat(map.putIfAbsent(key, v)).isEqualTo(model.putIfAbsent(key, v) == null);
                }
                int probe = 1 + r.nextInt(2_000);
                assertThat(map.get(probe)).isEqualTo(model.get(probe));
                assertThat(map.size()).isEqualTo(model.size());
            }
        }
    }
}
