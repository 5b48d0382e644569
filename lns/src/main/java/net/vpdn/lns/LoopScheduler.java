package net.vpdn.lns;

import java.time.Duration;

/**
 * The event loop a group of LNS sessions runs on: monotonic time, one-shot timers and a way to get
 * back onto the loop (for AAA answers). Netty's event loop implements it in production
 * ({@link EndpointScheduler}); tests use a virtual clock. Every callback runs on that one thread.
 */
public interface LoopScheduler {

    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /** Runs {@code task} on the loop after {@code delay}; the handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} on the loop as soon as possible (safe from any thread). */
    void execute(Runnable task);

    /** A scheduled task that may still be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
