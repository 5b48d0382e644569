package net.vpdn.l2tp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.vpdn.l2tp.testing.FakeLink.Side;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FakeLink: scripted and seeded impairments")
class FakeLinkTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final List<String> atB = new ArrayList<>();

    private FakeLink<String> link(LinkImpairment<String> impairment) {
        FakeLink<String> link = new FakeLink<>(clock, impairment);
        link.attach(Side.B, p -> atB.add(p + "@" + clock.nowNanos() / 1_000_000));
        return link;
    }

    @Test
    @DisplayName("scripted rules drop, duplicate and delay the next matching packet once")
    void scripted() {
        FakeLink<String> link = link(LinkImpairment.perfect(Duration.ofMillis(10)));
        link.dropNext(Side.A, p -> p.startsWith("x"));
        link.duplicateNext(Side.A, "dup"::equals);
        link.delayNext(Side.A, "slow"::equals, Duration.ofMillis(100));
        link.send(Side.A, "x1");
        link.send(Side.A, "x2");
        link.send(Side.A, "slow");
        link.send(Side.A, "dup");
        link.send(Side.B, "toA");
        clock.advance(Duration.ofSeconds(1));
        assertThat(atB).containsExactly("x2@10", "dup@10", "dup@10", "slow@110");
        assertThat(link.log()).extracting(FakeLink.Sent::copies).containsExactly(0, 1, 1, 2, 1);
    }

    @Test
    @DisplayName("a seeded impairment is reproducible and loses, duplicates and reorders")
    void seeded() {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            atB.clear();
            FakeLink<String> link = link(LinkImpairment.seeded(99, 0.3, 0.1, Duration.ofMillis(5), Duration.ofMillis(50)));
            for (int i = 0; i < 200; i++) {
                link.send(Side.A, Integer.toString(i));
                clock.advance(Duration.ofMillis(2));
            }
            clock.advance(Duration.ofSeconds(1));
            runs.add(atB.stream().map(s -> s.substring(0, s.indexOf('@'))).toList());
        }
        List<String> arrived = runs.getFirst();
        assertThat(runs.get(1)).isEqualTo(arrived);
        assertThat(arrived.stream().distinct().count()).isBetween(100L, 180L);
        assertThat(arrived.size()).isGreaterThan((int) arrived.stream().distinct().count());
        assertThat(arrived).isNotEqualTo(arrived.stream().sorted((x, y) -> Integer.parseInt(x) - Integer.parseInt(y)).toList());
    }

    @Test
    @DisplayName("a blackhole delivers nothing and packets to an unattached side vanish")
    void blackhole() {
        FakeLink<String> link = link(LinkImpairment.blackhole());
        link.send(Side.A, "lost");
        link.setImpairment(LinkImpairment.perfect(Duration.ZERO));
        link.send(Side.B, "nobody listens on A");
        clock.advance(Duration.ofSeconds(1));
        assertThat(atB).isEmpty();
        assertThat(link.arrivedCount()).isZero();
    }
}
