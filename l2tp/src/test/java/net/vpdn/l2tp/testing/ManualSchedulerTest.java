package net.vpdn.l2tp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ManualScheduler: virtual time for engine tests")
class ManualSchedulerTest {

    private final ManualScheduler clock = new ManualScheduler(500);
    private final List<String> fired = new ArrayList<>();

    private Runnable record(String name) {
        return () -> fired.add(name + "@" + clock.nowNanos());
    }

    @Test
    @DisplayName("advance runs due tasks in due order, at their due time, ties in scheduling order")
    void order() {
        clock.schedule("late", Duration.ofNanos(30), record("late"));
        clock.schedule("early", Duration.ofNanos(10), record("early"));
        clock.schedule("tie", Duration.ofNanos(10), record("tie"));
        clock.schedule("never", Duration.ofNanos(31), record("never"));
        assertThat(clock.advance(Duration.ofNanos(30))).isEqualTo(3);
        assertThat(fired).containsExactly("early@510", "tie@510", "late@530");
        assertThat(clock.nowNanos()).isEqualTo(530);
        assertThat(clock.pendingCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("re-arming a key replaces the pending task; cancel removes it")
    void keyed() {
        clock.schedule("t", Duration.ofNanos(10), record("first"));
        clock.schedule("t", Duration.ofNanos(20), record("second"));
        clock.schedule("c", Duration.ofNanos(5), record("cancelled"));
        assertThat(clock.cancel("c")).isTrue();
        assertThat(clock.cancel("c")).isFalse();
        clock.advance(Duration.ofNanos(100));
        assertThat(fired).containsExactly("second@520");
    }

    @Test
    @DisplayName("tasks scheduled by running tasks fire in the same advance when due within it")
    void chained() {
        clock.schedule("a", Duration.ofNanos(10), () -> {
            fired.add("a@" + clock.nowNanos());
            clock.schedule("b", Duration.ofNanos(10), record("b"));
        });
        clock.advance(Duration.ofNanos(25));
        assertThat(fired).containsExactly("a@510", "b@520");
    }

    @Test
    @DisplayName("runUntil stops as soon as the condition holds, or at the limit")
    void runUntil() {
        for (int i = 1; i <= 5; i++) {
            clock.schedule("t" + i, Duration.ofNanos(i * 10L), record("t" + i));
        }
        assertThat(clock.runUntil(() -> fired.size() == 2, Duration.ofSeconds(1))).isTrue();
        assertThat(clock.nowNanos()).isEqualTo(520);
        assertThat(clock.runUntil(() -> fired.size() == 5, Duration.ofNanos(15))).isFalse();
        assertThat(fired).hasSize(3);
    }
}
