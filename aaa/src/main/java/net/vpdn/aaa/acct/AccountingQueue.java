package net.vpdn.aaa.acct;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import net.vpdn.aaa.Accounting;

/**
 * Accounting that survives a short RADIUS outage: a bounded queue, at most {@code window}
 * records in flight, and records whose send got no answer retried after {@code retryDelay}.
 * A record is dropped only when the queue is full, and counted. {@link #account} is callable
 * from any thread and never blocks; sending runs on {@code executor}, one thread.
 */
public final class AccountingQueue implements Accounting {
    /** Sends a record; the stage yields whether the server acknowledged it. */
    @FunctionalInterface
    public interface Sender {
        CompletionStage<Boolean> send(AccountingRecord record);
    }

    /** Runs {@code task} after {@code delay}; the adapter maps it onto an event loop, tests onto virtual time. */
    @FunctionalInterface
    public interface Scheduler {
        void schedule(Duration delay, Runnable task);
    }

    private final ArrayBlockingQueue<AccountingRecord> queue;
    private final ArrayDeque<AccountingRecord> retry = new ArrayDeque<>();
    private final Sender sender;
    private final Executor executor;
    private final Scheduler scheduler;
    private final Duration retryDelay;
    private final int window;
    private int inFlight;
    private boolean pausedForRetry;
    /** Records dropped because the queue was full. */
    public final LongAdder dropped = new LongAdder();
    /** Records acknowledged by a server. */
    public final LongAdder sent = new LongAdder();
    /** Sends that got no answer and were queued again. */
    public final LongAdder retried = new LongAdder();

    public AccountingQueue(int capacity, int window, Duration retryDelay, Sender sender, Executor executor, Scheduler scheduler) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.window = window;
        this.retryDelay = retryDelay;
        this.sender = sender;
        this.executor = executor;
        this.scheduler = scheduler;
    }

    @Override
    public void account(AccountingRecord record) {
        if (!queue.offer(record)) {
            dropped.increment();
            return;
        }
        executor.execute(this::pump);
    }

    /** Records waiting (queued or to retry), not counting those in flight. */
    public int backlog() {
        return queue.size() + retry.size();
    }

    private void pump() {
        while (!pausedForRetry && inFlight < window) {
            AccountingRecord next = retry.isEmpty() ? queue.poll() : retry.poll();
            if (next == null) {
                return;
            }
            inFlight++;
            sender.send(next).whenComplete((ok, error) -> executor.execute(() -> onResult(next, Boolean.TRUE.equals(ok))));
        }
    }

    private void onResult(AccountingRecord record, boolean ok) {
        inFlight--;
        if (ok) {
            sent.increment();
            pump();
            return;
        }
        retried.increment();
        retry.addLast(record);
        if (!pausedForRetry) {
            pausedForRetry = true;
            scheduler.schedule(retryDelay, () -> executor.execute(() -> {
                pausedForRetry = false;
                pump();
            }));
        }
    }
}
