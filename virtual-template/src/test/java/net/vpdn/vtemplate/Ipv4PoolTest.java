package net.vpdn.vtemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.vpdn.ppp.ipcp.Ipv4Address;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Ipv4Pool")
class Ipv4PoolTest {

    private static Ipv4Address ip(String s) {
        return Ipv4Address.of(s);
    }

    private static Ipv4Address take(Ipv4Pool pool) {
        return ((Ipv4Pool.Allocated) pool.allocate()).address();
    }

    @Nested
    @DisplayName("building")
    class Building {
        @Test
        @DisplayName("a /24 leaves out the network and broadcast addresses")
        void cidrHosts() {
            Ipv4Pool pool = Ipv4Pool.cidr("p", "10.1.2.77/24");
            assertThat(pool.size()).isEqualTo(254);
            assertThat(pool.firstAddress()).isEqualTo(ip("10.1.2.1"));
            assertThat(pool.lastAddress()).isEqualTo(ip("10.1.2.254"));
        }

        @Test
        @DisplayName("a /31 keeps both addresses and a range counts both ends")
        void smallBlocks() {
            assertThat(Ipv4Pool.cidr("p", "10.0.0.0/31").size()).isEqualTo(2);
            assertThat(Ipv4Pool.range("r", ip("192.0.2.250"), ip("192.0.3.5")).size()).isEqualTo(12);
        }

        @Test
        @DisplayName("an inverted range is refused")
        void inverted() {
            assertThatThrownBy(() -> Ipv4Pool.range("r", ip("10.0.0.9"), ip("10.0.0.1")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("allocation")
    class Allocation {
        @Test
        @DisplayName("hands out every address once, then reports exhaustion and counts it")
        void exhaustion() {
            Ipv4Pool pool = Ipv4Pool.range("p", ip("10.0.0.1"), ip("10.0.0.3"));
            Set<Ipv4Address> got = new HashSet<>(List.of(take(pool), take(pool), take(pool)));
            assertThat(got).containsExactlyInAnyOrder(ip("10.0.0.1"), ip("10.0.0.2"), ip("10.0.0.3"));
            assertThat(pool.allocate()).isEqualTo(new Ipv4Pool.Refused(Ipv4Pool.AllocationFailure.EXHAUSTED));
            assertThat(pool.usage().exhaustions()).isEqualTo(1);
            assertThat(pool.usage().inUse()).isEqualTo(3);
        }

        @Test
        @DisplayName("a released address is free again, but the next-fit cursor prefers fresh ones")
        void releaseAndReuse() {
            Ipv4Pool pool = Ipv4Pool.range("p", ip("10.0.0.1"), ip("10.0.0.4"));
            Ipv4Address a = take(pool);
            assertThat(pool.release(a)).isEqualTo(Ipv4Pool.Release.RELEASED);
            assertThat(take(pool)).isEqualTo(ip("10.0.0.2"));
            take(pool);
            take(pool);
            assertThat(take(pool)).isEqualTo(a);
            assertThat(pool.usage().releases()).isEqualTo(1);
        }

        @Test
        @DisplayName("a double release is detected, counted and changes nothing")
        void doubleRelease() {
            Ipv4Pool pool = Ipv4Pool.cidr("p", "10.0.0.0/29");
            Ipv4Address a = take(pool);
            pool.release(a);
            assertThat(pool.release(a)).isEqualTo(Ipv4Pool.Release.NOT_ALLOCATED);
            assertThat(pool.release(ip("172.16.0.1"))).isEqualTo(Ipv4Pool.Release.OUT_OF_RANGE);
            assertThat(pool.usage().doubleReleases()).isEqualTo(1);
            assertThat(pool.usage().inUse()).isZero();
        }

        @Test
        @DisplayName("a specific address can be taken once; outside the range it is refused")
        void specific() {
            Ipv4Pool pool = Ipv4Pool.cidr("p", "10.0.0.0/24");
            assertThat(pool.allocate(ip("10.0.0.77"))).isEqualTo(new Ipv4Pool.Allocated(ip("10.0.0.77")));
            assertThat(pool.allocate(ip("10.0.0.77"))).isEqualTo(new Ipv4Pool.Refused(Ipv4Pool.AllocationFailure.IN_USE));
            assertThat(pool.allocate(ip("10.0.1.1"))).isEqualTo(new Ipv4Pool.Refused(Ipv4Pool.AllocationFailure.OUT_OF_RANGE));
        }
    }

    @Nested
    @DisplayName("static reservations")
    class Reservations {
        @Test
        @DisplayName("are never handed out dynamically, only on request, and do not hide exhaustion")
        void reserved() {
            Ipv4Pool pool = Ipv4Pool.range("p", ip("10.0.0.1"), ip("10.0.0.3"));
            assertThat(pool.reserve(ip("10.0.0.2"))).isTrue();
            assertThat(pool.reserve(ip("10.0.0.2"))).isFalse();
            assertThat(List.of(take(pool), take(pool))).containsExactly(ip("10.0.0.1"), ip("10.0.0.3"));
            assertThat(pool.allocate()).isInstanceOf(Ipv4Pool.Refused.class);
            assertThat(pool.allocate(ip("10.0.0.2"))).isEqualTo(new Ipv4Pool.Allocated(ip("10.0.0.2")));
            pool.release(ip("10.0.0.2"));
            assertThat(pool.allocate()).isInstanceOf(Ipv4Pool.Refused.class);
            assertThat(pool.usage().reserved()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("at scale")
    class Scale {
        @Test
        @DisplayName("65,536 addresses are all handed out exactly once, then all released")
        void sixtyFiveK() {
            Ipv4Pool pool = Ipv4Pool.range("big", ip("10.0.0.0"), ip("10.0.255.255"));
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < 65_536; i++) {
                assertThat(seen.add(take(pool).bits())).isTrue();
            }
            assertThat(pool.allocate()).isInstanceOf(Ipv4Pool.Refused.class);
            for (int bits : seen) {
                assertThat(pool.release(new Ipv4Address(bits))).isEqualTo(Ipv4Pool.Release.RELEASED);
            }
            assertThat(pool.usage()).isEqualTo(new Ipv4Pool.Usage("big", 65_536, 0, 0, 65_536, 65_536, 65_536, 1, 0));
        }

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {1, 42, 20260101})
        @DisplayName("random allocate/release never hands out an address in use (model check)")
        void randomModel(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            Ipv4Pool pool = Ipv4Pool.range("m", ip("10.9.0.1"), ip("10.9.0.200"));
            pool.reserve(ip("10.9.0.100"));
            List<Ipv4Address> held = new ArrayList<>();
            for (int step = 0; step < 5_000; step++) {
                if (r.nextBoolean() && !held.isEmpty()) {
                    assertThat(pool.release(held.remove(r.nextInt(held.size())))).isEqualTo(Ipv4Pool.Release.RELEASED);
                } else if (pool.allocate() instanceof Ipv4Pool.Allocated a) {
                    assertThat(held).doesNotContain(a.address());
                    assertThat(a.address()).isNotEqualTo(ip("10.9.0.100"));
                    held.add(a.address());
                } else {
                    assertThat(held).hasSize(199);
                }
                assertThat(pool.usage().inUse()).isEqualTo(held.size());
            }
        }
    }
}
