package net.vpdn.lns;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.PriorityQueue;

/** A single-threaded event loop in virtual time: tasks run in order, timers fire as time is advanced. */
final class VirtualLoop implements LoopScheduler {
    private record Timer(long due, long seq, Runnable task, boolean[] cancelled) { }

    private final Deque<Runnable> ready = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) ->
            a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private long now = 1_000_000_000L;
    private long seq;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        timers.add(new Timer(now + delay.toNanos(), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public void execute(Runnable task) {
        ready.add(task);
    }

    /** Runs queued tasks (not timers) until none is left. */
    void drain() {
        Runnable r;
        while ((r = ready.poll()) != null) {
            r.run();
        }
    }

    /** Advances time by {@code by}, firing due timers in order and draining after each. */
    void advance(Duration by) {
        long end = now + by.toNanos();
        drain();
        while (!timers.isEmpty() && timers.peek().due <= end) {
            Timer t = timers.poll();
            if (!t.cancelled[0]) {
                now = Math.max(now, t.due);
                t.task.run();
                drain();
            }
        }
        now = end;
    }
}
