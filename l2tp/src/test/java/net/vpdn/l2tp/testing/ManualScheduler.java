package net.vpdn.l2tp.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * A virtual clock with a timer queue, for driving pure engines in tests without sleeping.
 *
 * <p>Time only moves in {@link #advance}, {@link #runNext} and {@link #runUntil}; due tasks run
 * in due-time order (ties in scheduling order) with {@link #nowNanos()} set to their due time.
 * Tasks may schedule more tasks; those due within the same advance also run. Timers are keyed:
 * scheduling a key that is already pending replaces it, as engine {@code ArmTimer} actions
 * expect. Single-threaded, like the event loop it stands in for.
 */
public final class ManualScheduler {

    private record Entry(long dueNanos, long order, Object key, Runnable task) {
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>((x, y) -> x.dueNanos != y.dueNanos
            ? Long.compare(x.dueNanos, y.dueNanos) : Long.compare(x.order, y.order));
    private final Map<Object, Entry> live = new HashMap<>();
    private long nowNanos;
    private long order;
    private long fired;

    /** A clock starting at 0 ns. */
    public ManualScheduler() {
        this(0);
    }

    /** A clock starting at {@code startNanos}; a non-zero start catches code that assumes 0. */
    public ManualScheduler(long startNanos) {
        this.nowNanos = startNanos;
    }

    /** The current virtual time. */
    public long nowNanos() {
        return nowNanos;
    }

    /** Virtual time elapsed since {@code sinceNanos}. */
    public Duration elapsedSince(long sinceNanos) {
        return Duration.ofNanos(nowNanos - sinceNanos);
    }

    /** Runs {@code task} {@code after} from now under {@code key}, replacing a pending one. */
    public void schedule(Object key, Duration after, Runnable task) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(task, "task");
        if (after.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + after);
        }
        Entry e = new Entry(nowNanos + after.toNanos(), order++, key, task);
        live.put(key, e);
        queue.add(e);
    }

    /** Runs {@code task} {@code after} from now under a fresh key, which is returned. */
    public Object schedule(Duration after, Runnable task) {
        Object key = new Object();
        schedule(key, after, task);
        return key;
    }

    /** Cancels the pending task under {@code key}; returns whether there was one. */
    public boolean cancel(Object key) {
        return live.remove(key) != null;
    }

    /** Whether a task is pending under {@code key}. */
    public boolean isScheduled(Object key) {
        return live.containsKey(key);
    }

    /** Number of pending tasks. */
    public int pendingCount() {
        return live.size();
    }

    /** Number of tasks run so far. */
    public long firedCount() {
        return fired;
    }

    /** Moves time forward by {@code duration}, running every task due on the way, in order. */
    public int advance(Duration duration) {
        long until = nowNanos + duration.toNanos();
        int ran = 0;
        for (Entry e = nextLive(); e != null && e.dueNanos <= until; e = nextLive()) {
            fire(e);
            ran++;
        }
        nowNanos = until;
        return ran;
    }

    /** Jumps to the next pending task and runs it; false when nothing is pending. */
    public boolean runNext() {
        Entry e = nextLive();
        if (e == null) {
            return false;
        }
        fire(e);
        return true;
    }

    /**
     * Runs tasks one by one until {@code done} holds, nothing is pending, or {@code limit} of
     * virtual time has passed. Returns whether {@code done} holds at the end.
     */
    public boolean runUntil(BooleanSupplier done, Duration limit) {
        long until = nowNanos + limit.toNanos();
        while (!done.getAsBoolean()) {
            Entry e = nextLive();
            if (e == null || e.dueNanos > until) {
                return done.getAsBoolean();
            }
            fire(e);
        }
        return true;
    }

    private Entry nextLive() {
        while (!queue.isEmpty()) {
            Entry head = queue.peek();
            if (live.get(head.key) == head) {
                return head;
            }
            queue.poll();
        }
        return null;
    }

    private void fire(Entry e) {
        queue.poll();
        live.remove(e.key);
        nowNanos = Math.max(nowNanos, e.dueNanos);
        fired++;
        e.task.run();
    }
}
