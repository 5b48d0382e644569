package net.vpdn.lac.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.lac.select.LnsEndpoint;
import net.vpdn.lac.testing.VirtualNet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("WeightedOrder")
class WeightedOrderTest {
    static final InetSocketAddress A = VirtualNet.addr("192.0.2.10");
    static final InetSocketAddress B = VirtualNet.addr("192.0.2.11");
    static final InetSocketAddress C = VirtualNet.addr("192.0.2.12");

    static Stream<Long> seeds() {
        return LongStream.of(1, 42, 4711, 123456789).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("the first choice among equal priorities follows the weights (1:3 gives about 75 % to the heavier)")
    void firstChoiceFollowsWeights(long seed) {
        RandomSource r = RandomSource.seeded(seed);
        List<LnsEndpoint> eps = List.of(new LnsEndpoint(A, 5, 1), new LnsEndpoint(B, 5, 3));
        int n = 20_000;
        int toB = 0;
        for (int i = 0; i < n; i++) {
            if (WeightedOrder.order(eps, r).getFirst().address().equals(B)) toB++;
        }
        assertThat(toB / (double) n).isBetween(0.73, 0.77);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("every endpoint appears once, and a lower priority always comes first")
    void priorityFirstAndPermutation(long seed) {
        RandomSource r = RandomSource.seeded(seed);
        List<LnsEndpoint> eps = List.of(new LnsEndpoint(C, 2, 100), new LnsEndpoint(A, 1, 1), new LnsEndpoint(B, 1, 1));
        for (int i = 0; i < 1000; i++) {
            List<LnsEndpoint> order = WeightedOrder.order(eps, r);
            assertThat(order).containsExactlyInAnyOrderElementsOf(eps);
            assertThat(order.getLast().address()).isEqualTo(C);
        }
    }

    @Test
    @DisplayName("the same seed gives the same order")
    void reproducible() {
        List<LnsEndpoint> eps = List.of(new LnsEndpoint(A, 1, 2), new LnsEndpoint(B, 1, 2), new LnsEndpoint(C, 1, 2));
        assertThat(WeightedOrder.order(eps, RandomSource.seeded(9))).isEqualTo(WeightedOrder.order(eps, RandomSource.seeded(9)));
    }
}
