package net.vpdn.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Value parsers and pools")
class ValuesTest {

    @Nested
    @DisplayName("Durations")
    class Durations {
        @ParameterizedTest(name = "{0} is {1} ms")
        @CsvSource({"500ms,500", "30s,30000", "2m,120000", "1h,3600000", "60,60000", "0,0", "' 10s ',10000"})
        @DisplayName("accept one number with ms, s, m or h, or plain seconds")
        void accepted(String text, long millis) {
            assertThat(Values.duration(text)).isEqualTo(Parsed.ok(Duration.ofMillis(millis)));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"-1s", "1.5s", "1m30s", "s", "10d", "9999999999"})
        @DisplayName("refuse negatives, fractions, compounds and unknown units")
        void refused(String text) {
            assertThat(Values.duration(text)).isInstanceOf(Parsed.Bad.class);
        }
    }

    @Nested
    @DisplayName("Addresses")
    class Addresses {
        @ParameterizedTest(name = "{0}")
        @CsvSource({"192.0.2.1", "::1", "2001:db8::1", "[2001:db8::1]", "0.0.0.0"})
        @DisplayName("accept IPv4 and IPv6 literals")
        void literals(String text) throws Exception {
            assertThat(Values.address(text)).isEqualTo(
                    Parsed.ok(InetAddress.getByName(text.replace("[", "").replace("]", ""))));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"localhost", "lns.example.net", "256.0.0.1", "1.2.3", "2001:db8:::1", "1.2.3.4.5", "fe80::1%eth0"})
        @DisplayName("refuse host names and malformed literals, without touching DNS")
        void refused(String text) {
            assertThat(Values.address(text)).isInstanceOf(Parsed.Bad.class);
        }
    }

    @Nested
    @DisplayName("Pools")
    class Pools {
        private Inet4Address ip(String s) throws Exception {
            return (Inet4Address) InetAddress.getByName(s);
        }

        @Test
        @DisplayName("a /24 skips its network and broadcast addresses; /31 and /32 keep every address")
        void cidrEdges() throws Exception {
            assertThat(IpPool.ofCidr("a", ip("10.0.0.77"), 24)).isEqualTo(new IpPool("a", ip("10.0.0.1"), ip("10.0.0.254")));
            assertThat(IpPool.ofCidr("b", ip("10.0.0.6"), 31).size()).isEqualTo(2);
            assertThat(IpPool.ofCidr("c", ip("10.0.0.6"), 32).size()).isEqualTo(1);
            assertThat(IpPool.ofCidr("d", ip("10.0.0.0"), 8).last()).isEqualTo(ip("10.255.255.254"));
        }

        static Stream<Arguments> seeds() {
            return IntStream.range(0, 20).mapToObj(i -> Arguments.of(0x5EED0000L + i));
        }

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("seeds")
        @DisplayName("overlap is symmetric and agrees with a search for a shared address")
        void overlapProperty(long seed) {
            Random random = new Random(seed);
            for (int n = 0; n < 200; n++) {
                IpPool a = randomPool(random, "a");
                IpPool b = randomPool(random, "b");
                boolean shared = BruteForce.shared(a, b);
                assertThat(a.overlaps(b)).as("%s vs %s", a, b).isEqualTo(shared).isEqualTo(b.overlaps(a));
            }
        }

        private IpPool randomPool(Random random, String name) {
            long first = 0x0A000000L + random.nextInt(64);
            long last = first + random.nextInt(16);
            return new IpPool(name, IpPool.fromLong(first), IpPool.fromLong(last));
        }
    }

    /** Brute force: does some address lie in both pools? */
    static final class BruteForce {
        static boolean shared(IpPool a, IpPool b) {
            for (long x = IpPool.toLong(a.first()); x <= IpPool.toLong(a.last()); x++) {
                if (b.contains(IpPool.fromLong(x))) {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    @DisplayName("did-you-mean finds near misses and stays quiet otherwise")
    void suggestions() {
        List<String> known = List.of("hello-interval", "retransmit-cap", "receive-window");
        assertThat(Suggest.closest("helo-interval", known)).contains("hello-interval");
        assertThat(Suggest.closest("recieve-window", known)).contains("receive-window");
        assertThat(Suggest.closest("colour", known)).isEmpty();
    }
}
