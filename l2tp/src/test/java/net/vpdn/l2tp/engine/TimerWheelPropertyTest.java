package net.vpdn.l2tp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random arms, cancels and advances (also from inside firing tasks) against a reference model: a plain
 * list of timers with their deadlines. Every armed timer that is not cancelled fires exactly once, never
 * before its deadline and never after a call to {@code advanceTo} at or past deadline + one tick;
 * cancelled timers never fire; one advance fires in tick order, then arm order.
 */
@DisplayName("TimerWheel against a reference model (seeded)")
class TimerWheelPropertyTest {
    static final long TICK = 10_000_000L;
    static final int SLOTS = 16; // small, so delays span many revolutions

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 60).map(i -> i * 0x9E3779B97F4A7C15L);
    }

    /** The model's view of one timer. */
    static final class Ref {
        final int id;
        final long deadline;
        TimerWheel.Timer handle;
        boolean cancelled;
        int fires;
        long firedAt;
        long fireTick;

        Ref(int id, long deadline) {
            this.id = id;
            this.deadline = deadline;
        }
    }

    final List<Ref> all = new ArrayList<>();
    final List<Ref> pending = new ArrayList<>();
    final List<Ref> firedThisAdvance = new ArrayList<>();
    long now;
    TimerWheel wheel;
    SplittableRandom rnd;

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("every live timer fires once, on time; cancelled ones never")
    void matchesModel(long seed) {
        rnd = new SplittableRandom(seed);
        now = rnd.nextLong(1L << 40);
        wheel = new TimerWheel(() -> now, Duration.ofNanos(TICK), SLOTS);
        for (int step = 0; step < 3_000; step++) {
            int op = rnd.nextInt(10);
            if (op < 5) arm();
            else if (op < 7) cancelRandom();
            else advance(rnd.nextInt(8) == 0 ? rnd.nextLong(TICK * SLOTS * 3) : rnd.nextLong(TICK * 2));
        }
        advance(TICK * SLOTS * 40 + Duration.ofSeconds(30).toNanos()); // drain everything
        for (int i = 0; i < 100_000 && !pending.isEmpty(); i++) {
            advance(TICK); // timers armed by tasks during the drain
        }
        for (Ref r : all) {
            assertThat(r.fires).as("timer %d fires (cancelled=%s)", r.id, r.cancelled).isEqualTo(r.cancelled ? 0 : 1);
        }
        assertThat(wheel.size()).isZero();
        assertThat(pending).isEmpty();
    }

    void arm() {
        long delay = switch (rnd.nextInt(5)) {
            case 0 -> 0;
            case 1 -> rnd.nextLong(TICK);
            case 2 -> rnd.nextLong(TICK * 4);
            case 3 -> rnd.nextLong(TICK * SLOTS * 5); // several revolutions
            default -> rnd.nextLong(TICK * 200);
        };
        Ref r = new Ref(all.size(), now + delay);
        boolean chatty = rnd.nextInt(4) == 0; // this one arms or cancels from inside its task
        r.handle = wheel.arm(delay, () -> fire(r, chatty));
        assertThat(r.handle.deadlineNanos()).isEqualTo(r.deadline);
        all.add(r);
        pending.add(r);
    }

    void cancelRandom() {
        if (pending.isEmpty()) {
            if (!all.isEmpty()) all.get(rnd.nextInt(all.size())).handle.cancel(); // fired or cancelled: no-op
            return;
        }
        Ref r = pending.remove(rnd.nextInt(pending.size()));
        r.cancelled = true;
        r.handle.cancel();
        if (rnd.nextBoolean()) r.handle.cancel(); // idempotent
    }

    void fire(Ref r, boolean chatty) {
        assertThat(r.cancelled).as("cancelled timer %d fired", r.id).isFalse();
        assertThat(now).as("timer %d early", r.id).isGreaterThanOrEqualTo(r.deadline);
        r.fires++;
        r.firedAt = now;
        r.fireTick = r.handle.fireTimeNanos();
        pending.remove(r);
        firedThisAdvance.add(r);
        if (chatty) {
            if (rnd.nextBoolean()) arm();
            else cancelRandom();
        }
    }

    void advance(long by) {
        now += by;
        firedThisAdvance.clear();
        int n = wheel.advanceTo(now);
        assertThat(n).isEqualTo(firedThisAdvance.size());
        for (Ref r : pending) {
            assertThat(r.deadline + TICK).as("timer %d late: due %d, now %d", r.id, r.deadline, now).isGreaterThan(now);
        }
        for (int i = 1; i < firedThisAdvance.size(); i++) {
            Ref a = firedThisAdvance.get(i - 1);
            Ref b = firedThisAdvance.get(i);
            assertThat(a.fireTick < b.fireTick || (a.fireTick == b.fireTick && a.id < b.id))
                    .as("order of %d then %d", a.id, b.id).isTrue();
        }
        assertThat(wheel.size()).isEqualTo(pending.size());
    }
}
