package net.vpdn.lns.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import net.vpdn.config.IpPool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("the uplink's ip lines: link up with the MTU, one route per CIDR block of each pool")
class RoutePlanTest {
    static Inet4Address a(String s) throws Exception {
        return (Inet4Address) InetAddress.getByName(s);
    }

    @Test
    @DisplayName("10.99.0.10-10.99.0.20 is 10.99.0.10/31, .12/30, .16/30, .20/32; commands in the namespace")
    void blocks() throws Exception {
        assertThat(RoutePlan.prefixes(a("10.99.0.10"), a("10.99.0.20")))
                .containsExactly("10.99.0.10/31", "10.99.0.12/30", "10.99.0.16/30", "10.99.0.20/32");
        assertThat(RoutePlan.prefixes(a("10.0.0.0"), a("10.0.255.255"))).containsExactly("10.0.0.0/16");
        assertThat(RoutePlan.commands("vpdn0", 1492, Optional.of("up"), List.of(new IpPool("p", a("10.1.0.0"), a("10.1.0.255")))))
                .containsExactly(List.of("ip", "-n", "up", "link", "set", "dev", "vpdn0", "up", "mtu", "1492"),
                        List.of("ip", "-n", "up", "route", "replace", "10.1.0.0/24", "dev", "vpdn0"));
    }

    static LongStream seeds() {
        return LongStream.range(0, 100).map(i -> 0xB10C_0000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("random ranges: the blocks are aligned, adjacent, and cover exactly first..last")
    void coverExactly(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        long first = r.nextLong(0, 1L << 32);
        long last = Math.min((1L << 32) - 1, first + r.nextLong(0, 1 << (r.nextInt(20) + 1)));
        long next = first;
        for (String p : RoutePlan.prefixes(addr(first), addr(last))) {
            long base = bits(a(p.substring(0, p.indexOf('/'))));
            int len = Integer.parseInt(p.substring(p.indexOf('/') + 1));
            long size = 1L << (32 - len);
            assertThat(base).as(p + " starts where the last ended").isEqualTo(next);
            assertThat(base % size).as(p + " aligned").isZero();
            next = base + size;
        }
        assertThat(next - 1).isEqualTo(last);
    }

    static Inet4Address addr(long v) throws Exception {
        return (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    static long bits(Inet4Address x) {
        byte[] b = x.getAddress();
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    }
}
