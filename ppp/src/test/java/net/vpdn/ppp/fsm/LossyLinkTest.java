package net.vpdn.ppp.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.vpdn.ppp.testing.VirtualLink;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Two engines over a link that loses 30% of packets")
class LossyLinkTest {

    static Stream<Long> seeds() {
        return LongStream.range(0, 40).map(i -> 0x1055L * 1000 + i).boxed();
    }

    @ParameterizedTest(name = "seed {0}: both ends open, each with one more LayerUp than LayerDown")
    @MethodSource("seeds")
    void converges(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        TestLayer a = new TestLayer(5, 7);
        TestLayer b = new TestLayer(7, 7);
        VirtualLink link = new VirtualLink(new ControlProtocol(a, CpConfig.rfcDefaults()),
                new ControlProtocol(b, CpConfig.rfcDefaults()));
        link.dropRule = (from, p) -> r.nextInt(100) < 30;
        for (VirtualLink.Side s : List.of(link.a, link.b)) {
            s.input(ControlProtocol::open);
            s.input(ControlProtocol::up);
        }
        link.run(Duration.ofMinutes(10));
        for (VirtualLink.Side s : List.of(link.a, link.b)) {
            assertThat(s.cp.state()).as(s.name).isEqualTo(CpState.OPENED);
            assertThat(s.effects(CpEffect.LayerUp.class).size() - s.effects(CpEffect.LayerDown.class).size())
                    .as(s.name).isEqualTo(1);
            assertThat(s.effects(CpEffect.IllegalEvent.class)).as(s.name).isEmpty();
        }
        assertThat(a.oursInForce).containsExactly(TestLayer.option(1, 7));
    }
}
