package net.vpdn.l2tp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TimerWheel: hashed timer wheel in virtual time")
class TimerWheelTest {
    static final long MS = 1_000_000L;
    static final long START = 5_000_000_123L; // not 0, not tick-aligned
    long now = START;
    final List<String> fired = new ArrayList<>();
    final TimerWheel wheel = new TimerWheel(() -> now, Duration.ofMillis(10), 8);

    void advance(long nanos) {
        now += nanos;
        wheel.advanceTo(now);
    }

    Runnable log(String name) {
        return () -> fired.add(name + "@" + (now - START) / MS);
    }

    @Test
    @DisplayName("a timer fires at the first tick at or after its deadline, never before")
    void neverEarly() {
        var t = wheel.arm(25 * MS, log("a"));
        assertThat(t.fireTimeNanos()).isGreaterThanOrEqualTo(t.deadlineNanos())
                .isLessThan(t.deadlineNanos() + 10 * MS);
        now = t.deadlineNanos() - 1;
        wheel.advanceTo(now);
        assertThat(fired).isEmpty();
        now = t.fireTimeNanos() - 1;
        wheel.advanceTo(now);
        assertThat(fired).isEmpty();
        assertThat(t.isPending()).isTrue();
        now = t.fireTimeNanos();
        assertThat(wheel.advanceTo(now)).isEqualTo(1);
        assertThat(fired).hasSize(1);
        assertThat(t.isPending()).isFalse();
        assertThat(wheel.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("timers of one tick fire in arm order; ticks fire in time order")
    void order() {
        now += 3 * MS; // off the tick grid
        wheel.arm(16 * MS, log("late-in-tick"));
        wheel.arm(8 * MS, log("early-in-tick"));
        wheel.arm(4 * MS, log("first-tick"));
        advance(100 * MS);
        assertThat(fired).extracting(s -> s.substring(0, s.indexOf('@')))
                .containsExactly("first-tick", "late-in-tick", "early-in-tick");
    }

    @Test
    @DisplayName("delays of several revolutions wait their revolution (8 slots x 10 ms = 80 ms)")
    void rounds() {
        var t = wheel.arm(1_000 * MS, log("long"));
        wheel.arm(10 * MS, log("short"));
        for (int i = 0; i < 99; i++) advance(10 * MS);
        assertThat(fired).hasSize(1).first().asString().startsWith("short");
        now = t.fireTimeNanos();
        wheel.advanceTo(now);
        assertThat(fired).hasSize(2);
        assertThat(fired.get(1)).startsWith("long");
    }

    @Test
    @DisplayName("a late wake-up catches up every tick in order")
    void catchUp() {
        for (int i = 1; i <= 20; i++) wheel.arm(i * 7 * MS, log("t" + i));
        assertThat(wheel.advanceTo(now + 500 * MS)).isEqualTo(20);
        assertThat(fired).extracting(s -> s.substring(0, s.indexOf('@')))
                .containsExactly(java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "t" + i).toArray(String[]::new));
    }

    @Test
    @DisplayName("cancel is idempotent, and a no-op once fired")
    void cancel() {
        var a = wheel.arm(10 * MS, log("a"));
        var b = wheel.arm(10 * MS, log("b"));
        a.cancel();
        a.cancel();
        assertThat(wheel.size()).isEqualTo(1);
        advance(30 * MS);
        b.cancel();
        assertThat(fired).hasSize(1).first().asString().startsWith("b");
        assertThat(wheel.size()).isZero();
    }

    @Test
    @DisplayName("a task may cancel another timer due in the same tick, or itself")
    void cancelFromTask() {
        TimerWheel.Timer[] victim = new TimerWheel.Timer[1];
        TimerWheel.Timer[] self = new TimerWheel.Timer[1];
        self[0] = wheel.arm(10 * MS, () -> {
            fired.add("killer");
            victim[0].cancel();
            self[0].cancel();
        });
        victim[0] = wheel.arm(10 * MS, log("victim"));
        wheel.arm(10 * MS, log("bystander"));
        advance(50 * MS);
        assertThat(fired).extracting(s -> s.split("@")[0]).containsExactly("killer", "bystander");
        assertThat(wheel.size()).isZero();
    }

    @Test
    @DisplayName("a task re-arming itself with no delay fires once per tick, never looping in one pass")
    void rearmFromTask() {
        List<Long> times = new ArrayList<>();
        Runnable[] again = new Runnable[1];
        again[0] = () -> {
            times.add(now);
            if (times.size() < 5) wheel.arm(0, again[0]);
        };
        wheel.arm(10 * MS, again[0]);
        now += 15 * MS;
        assertThat(wheel.advanceTo(now)).isEqualTo(1);
        assertThat(wheel.size()).isEqualTo(1);
        now += 10 * MS;
        assertThat(wheel.advanceTo(now)).isEqualTo(1);
        now += 1_000 * MS; // a late wake-up: the re-arm is due from the clock's now, so on a later tick
        assertThat(wheel.advanceTo(now)).isEqualTo(1);
        now += 10 * MS;
        assertThat(wheel.advanceTo(now)).isEqualTo(1);
        now += 10 * MS;
        assertThat(wheel.advanceTo(now)).isEqualTo(1);
        assertThat(times).hasSize(5);
        assertThat(wheel.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a throwing task is logged; the others and the wheel carry on")
    void throwingTask() {
        wheel.arm(10 * MS, () -> { throw new IllegalStateException("boom"); });
        wheel.arm(10 * MS, log("after"));
        wheel.arm(40 * MS, log("later"));
        advance(20 * MS);
        assertThat(fired).hasSize(1);
        advance(40 * MS);
        assertThat(fired).hasSize(2);
        assertThat(wheel.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("after a long idle time a new timer still waits its full delay")
    void idleThenArm() {
        wheel.arm(10 * MS, log("first"));
        advance(20 * MS);
        now += 3_600_000 * MS; // an hour with no timer and no advance
        var t = wheel.arm(30 * MS, log("second"));
        assertThat(t.fireTimeNanos()).isBetween(now + 30 * MS, now + 40 * MS);
        advance(29 * MS);
        assertThat(fired).hasSize(1);
        advance(11 * MS);
        assertThat(fired).hasSize(2);
    }

    @Test
    @DisplayName("nextWakeNanos names the first tick holding a timer, and MAX_VALUE when empty")
    void nextWake() {
        assertThat(wheel.nextWakeNanos()).isEqualTo(Long.MAX_VALUE);
        var t = wheel.arm(35 * MS, log("a"));
        assertThat(wheel.nextWakeNanos()).isEqualTo(t.fireTimeNanos());
        var far = wheel.arm(500 * MS, log("far")); // later revolution: wakes on its slot, fires later
        t.cancel();
        assertThat(wheel.nextWakeNanos()).isLessThanOrEqualTo(far.fireTimeNanos()).isGreaterThan(now);
        far.cancel();
        assertThat(wheel.nextWakeNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    @DisplayName("a cancel from another thread is handed to the owner's executor")
    void foreignCancel() {
        AtomicBoolean owner = new AtomicBoolean(true);
        List<Runnable> hopped = new ArrayList<>();
        TimerWheel w = new TimerWheel(() -> now, Duration.ofMillis(10), 8, owner::get, hopped::add);
        var t = w.arm(10 * MS, log("x"));
        owner.set(false);
        t.cancel();
        assertThat(hopped).hasSize(1);
        assertThat(t.isPending()).isTrue();
        owner.set(true);
        hopped.getFirst().run();
        assertThat(t.isPending()).isFalse();
        now += 50 * MS;
        w.advanceTo(now);
        assertThat(fired).isEmpty();
    }

    @Test
    @DisplayName("construction rejects a slot count that is not a power of two and a non-positive tick")
    void badArguments() {
        assertThatThrownBy(() -> new TimerWheel(() -> 0, Duration.ofMillis(10), 500))
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> new TimerWheel(() -> 0, Duration.ZERO, 512)).hasMessageContaining("tick");
    }

    @Test
    @DisplayName("huge and negative delays are clamped, not overflowed")
    void extremeDelays() {
        var never = wheel.arm(Duration.ofDays(365L * 1000), log("never"));
        var now0 = wheel.arm(Duration.ofMillis(-5), log("now"));
        assertThat(never.deadlineNanos()).isGreaterThan(now);
        advance(10 * MS);
        assertThat(fired).hasSize(1).first().asString().startsWith("now");
        assertThat(now0.isPending()).isFalse();
        assertThat(never.isPending()).isTrue();
    }
}
