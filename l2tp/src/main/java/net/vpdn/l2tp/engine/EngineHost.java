package net.vpdn.l2tp.engine;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What the engine needs from the thread it runs on: the time, timers and a way to send control
 * datagrams. Netty's event loop implements it in production ({@code io/NettyEngineHost}); tests
 * use a virtual clock and an in-memory link. Every callback runs on that one thread.
 */
public interface EngineHost {

    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /** Runs {@code task} on the engine's thread after {@code delay}; the handle cancels it. */
    TimerHandle schedule(Duration delay, Runnable task);

    /** Sends one control datagram (the engine does not reuse {@code datagram} afterwards). */
    void sendControl(InetSocketAddress to, byte[] datagram);

    /** A scheduled task that may still be cancelled. */
    interface TimerHandle {
        void cancel();
    }
}
