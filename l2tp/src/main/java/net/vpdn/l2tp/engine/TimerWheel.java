package net.vpdn.l2tp.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hashed timer wheel for one thread: O(1) arm and O(1) cancel, for the hundreds of thousands of
 * protocol timers (retransmit, ack delay, HELLO, PPP restart, echo, setup) a carrier endpoint keeps,
 * where a priority queue pays O(log n) and a future per arm.
 *
 * <p>Time is cut into ticks of {@code tick} nanoseconds from the clock reading at construction; tick
 * {@code k} happens at {@code origin + k * tick}. A timer due at {@code d} belongs to the first tick at
 * or after {@code d}, so it never fires early and fires at most one tick late (plus however late the
 * owner calls {@link #advanceTo}). Each timer is its own list node in slot {@code tick & (slots - 1)}
 * and records its absolute tick, so a timer more than one revolution away simply stays in its slot until
 * its revolution comes (the "rounds" of a classic wheel, without decrementing them on every visit).
 *
 * <p>The owner drives the wheel with {@link #advanceTo}, which runs every tick elapsed since the last
 * call, in order. Timers of one tick fire in the order they were armed (not sorted by deadline inside
 * the tick). A task may arm and cancel timers, including ones due in the same tick; a timer armed from
 * a task that is already due goes to the next tick, never the one being run. A task that throws is
 * logged and the others still run.
 *
 * <p>Not thread safe: arm and advance on the owner's thread. {@link Timer#cancel} from another thread
 * is handed to the owner's executor, as a Netty future's cancel would be safe from anywhere.
 */
public final class TimerWheel {
    private static final Logger LOG = LoggerFactory.getLogger(TimerWheel.class);
    /** Longer delays are clamped (about 73 years), so deadlines never overflow. */
    private static final long MAX_DELAY_NANOS = Long.MAX_VALUE / 4;

    private final LongSupplier clock;
    private final long tickNanos;
    private final int mask;
    private final Slot[] slots;
    private final Slot due = new Slot();
    private final long origin;
    private final BooleanSupplier onOwnerThread;
    private final Executor owner;
    /** The last tick run: every timer of a tick up to this one has fired or been cancelled. */
    private long tick;
    private int size;
    private boolean advancing;

    /** A wheel used only from the thread that creates it (tests, single-threaded hosts). */
    public TimerWheel(LongSupplier clock, Duration tick, int slotCount) {
        this(clock, tick, slotCount, () -> true, Runnable::run);
    }

    /**
     * A wheel owned by one thread: {@code onOwnerThread} tells whether the caller is that thread and
     * {@code owner} runs a cancel requested from elsewhere on it.
     */
    public TimerWheel(LongSupplier clock, Duration tick, int slotCount, BooleanSupplier onOwnerThread,
                      Executor owner) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tickNanos = tick.toNanos();
        if (tickNanos <= 0) throw new IllegalArgumentException("tick must be positive: " + tick);
        if (slotCount <= 0 || Integer.bitCount(slotCount) != 1) {
            throw new IllegalArgumentException("slot count must be a power of two: " + slotCount);
        }
        this.mask = slotCount - 1;
        this.slots = new Slot[slotCount];
        for (int i = 0; i < slotCount; i++) slots[i] = new Slot();
        this.onOwnerThread = Objects.requireNonNull(onOwnerThread, "onOwnerThread");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.origin = clock.getAsLong();
    }

    /** The tick length in nanoseconds. */
    public long tickNanos() {
        return tickNanos;
    }

    /** Timers armed and neither fired nor cancelled. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Runs {@code task} at the first tick at or after {@code delayNanos} from the clock's now. */
    public Timer arm(long delayNanos, Runnable task) {
        Objects.requireNonNull(task, "task");
        long now = clock.getAsLong();
        if (size == 0 && !advancing) {
            tick = Math.max(tick, tickAt(now)); // idle: nobody waits on the ticks skipped
        }
        long deadline = now + Math.clamp(delayNanos, 0, MAX_DELAY_NANOS);
        long target = Math.max(Math.ceilDiv(deadline - origin, tickNanos), tick + 1);
        Timer t = new Timer(this, deadline, target, task);
        slots[(int) target & mask].append(t);
        size++;
        return t;
    }

    /** {@link #arm(long, Runnable)} with a {@link Duration}. */
    public Timer arm(Duration delay, Runnable task) {
        return arm(delay.isNegative() ? 0 : saturatedNanos(delay), task);
    }

    /**
     * Runs every tick at or before {@code nowNanos} not run yet, firing their timers; returns how many
     * fired. A call from inside a firing task does nothing (the running advance carries on).
     */
    public int advanceTo(long nowNanos) {
        if (advancing) return 0;
        long last = tickAt(nowNanos);
        int fired = 0;
        advancing = true;
        try {
            while (tick < last && size > 0) {
                tick++;
                fired += runTick(tick);
            }
            if (size == 0 && tick < last) tick = last;
        } finally {
            advancing = false;
        }
        return fired;
    }

    /**
     * When the owner should next call {@link #advanceTo}: the time of the first tick after the last one
     * run whose slot holds a timer (it may be a later revolution's); {@link Long#MAX_VALUE} when empty.
     */
    public long nextWakeNanos() {
        if (size == 0) return Long.MAX_VALUE;
        for (long k = tick + 1; k <= tick + slots.length; k++) {
            if (slots[(int) k & mask].head != null) return tickTime(k);
        }
        return tickTime(tick + 1); // only the due list holds timers (an advance is running)
    }

    /** The time of tick {@code k}. */
    long tickTime(long k) {
        return origin + k * tickNanos;
    }

    private long tickAt(long nanos) {
        return Math.floorDiv(nanos - origin, tickNanos);
    }

    private int runTick(long k) {
        Slot s = slots[(int) k & mask];
        for (Timer t = s.head; t != null; ) {
            Timer next = t.next;
            if (t.tick <= k) {
                s.unlink(t);
                due.append(t);
            }
            t = next;
        }
        int fired = 0;
        Timer t;
        while ((t = due.head) != null) { // re-read each time: a task may cancel a due timer
            due.unlink(t);
            size--;
            Runnable task = t.task;
            t.task = null;
            fired++;
            try {
                task.run();
            } catch (Throwable e) { // one broken task must not stop the others or the wheel
                LOG.warn("event=timer-task-failed exception={}", e.getClass().getName(), e);
            }
        }
        return fired;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return MAX_DELAY_NANOS;
        }
    }

    /** A doubly linked list of timers: append at the tail, unlink anywhere, both O(1). */
    private static final class Slot {
        Timer head;
        Timer tail;

        void append(Timer t) {
            t.slot = this;
            t.prev = tail;
            t.next = null;
            if (tail == null) head = t;
            else tail.next = t;
            tail = t;
        }

        void unlink(Timer t) {
            if (t.prev == null) head = t.next;
            else t.prev.next = t.next;
            if (t.next == null) tail = t.prev;
            else t.next.prev = t.prev;
            t.prev = null;
            t.next = null;
            t.slot = null;
        }
    }

    /** One armed timer, and the list node that holds it in its slot. */
    public static final class Timer implements EngineHost.TimerHandle {
        private final TimerWheel wheel;
        private final long deadline;
        private final long tick;
        private Runnable task;
        private Slot slot;
        private Timer prev;
        private Timer next;

        private Timer(TimerWheel wheel, long deadline, long tick, Runnable task) {
            this.wheel = wheel;
            this.deadline = deadline;
            this.tick = tick;
            this.task = task;
        }

        /** The clock time the timer is due at (it fires at the first tick at or after it). */
        public long deadlineNanos() {
            return deadline;
        }

        /** The time of the tick this timer fires on. */
        public long fireTimeNanos() {
            return wheel.tickTime(tick);
        }

        /** Armed and neither fired nor cancelled (on the owner's thread). */
        public boolean isPending() {
            return slot != null;
        }

        /** Stops the timer if it has not fired; idempotent, and a no-op once fired. */
        @Override
        public void cancel() {
            if (!wheel.onOwnerThread.getAsBoolean()) {
                wheel.owner.execute(this::cancel);
                return;
            }
            if (slot == null) return;
            slot.unlink(this);
            task = null;
            wheel.size--;
        }
    }
}
