package net.vpdn.lac.loop;

import java.time.Duration;
import net.vpdn.l2tp.engine.EngineHost;
import net.vpdn.l2tp.engine.L2tpEngine;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;

/**
 * The one thread a LAC endpoint's calls live on: time, timers and a way in from other threads.
 * Every call, tunnel pool and emulated subscriber of an endpoint runs here, inside the engine's
 * serial executor, so nothing is re-entered and nothing needs a lock. Time and timers come from the
 * engine's {@link EngineHost}, so tests that drive the engine in virtual time drive the LAC too.
 */
public interface CallLoop {

    /** Monotonic time in nanoseconds (the engine's clock). */
    long nanoTime();

    /** Runs {@code task} on the loop after {@code after}; the handle cancels it. */
    EngineHost.TimerHandle schedule(Duration after, Runnable task);

    /** Runs {@code task} on the loop, never inside the caller's stack: safe from any thread. */
    void execute(Runnable task);

    /** The loop of a Netty endpoint (production and loopback tests). */
    static CallLoop of(NettyL2tpEndpoint endpoint) {
        L2tpEngine engine = endpoint.engine();
        return new CallLoop() {
            @Override public long nanoTime() { return engine.host().nanoTime(); }
            @Override public EngineHost.TimerHandle schedule(Duration after, Runnable task) {
                return engine.host().schedule(after, () -> engine.run(task));
            }
            @Override public void execute(Runnable task) { endpoint.execute(task); }
        };
    }

    /**
     * The loop of an engine on a single-threaded host (virtual time): {@link #execute} queues the
     * task behind the one in progress, and must itself be called on the host's thread.
     */
    static CallLoop of(L2tpEngine engine) {
        return new CallLoop() {
            @Override public long nanoTime() { return engine.host().nanoTime(); }
            @Override public EngineHost.TimerHandle schedule(Duration after, Runnable task) {
                return engine.host().schedule(after, () -> engine.run(task));
            }
            @Override public void execute(Runnable task) {
                engine.host().schedule(Duration.ZERO, () -> engine.run(task));
            }
        };
    }
}
