package net.vpdn.l2tp.io;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import net.vpdn.l2tp.engine.EngineHost;
import net.vpdn.l2tp.engine.TimerWheel;

/**
 * The event loop as the engine's host. Timers of at least one tick go on a {@link TimerWheel}, not on
 * Netty's scheduled-task heap: a carrier endpoint arms and cancels a timer per control message and per
 * PPP restart or echo, and the heap's O(log n) per arm and cancel, plus a future per timer, showed up
 * as about a tenth of the loop's CPU. The wheel has one Netty task, for the next tick that has a timer,
 * and none while it is empty, so an idle endpoint does not wake a hundred times a second.
 *
 * <p>Shorter delays (zero-delay deferrals) keep Netty's precise scheduling, and so does a call from
 * another thread, since the wheel belongs to the loop.
 */
final class NettyEngineHost implements EngineHost {
    static final Duration TICK = Duration.ofMillis(10);
    static final int SLOTS = 512;

    private final Channel channel;
    private final EventLoop loop;
    private final LongSupplier clock;
    private final TimerWheel wheel;
    private final Runnable onTick = this::tick;
    private ScheduledFuture<?> tickTask;
    /** When {@link #tickTask} runs; {@link Long#MAX_VALUE} when there is none. */
    private long tickAt = Long.MAX_VALUE;
    private final Runnable flush = this::flushNow;
    private boolean flushPending; // on the event loop only

    NettyEngineHost(Channel channel) {
        this(channel, channel.eventLoop(), System::nanoTime, TICK, SLOTS);
    }

    NettyEngineHost(Channel channel, EventLoop loop, LongSupplier clock, Duration tick, int slots) {
        this.channel = channel;
        this.loop = loop;
        this.clock = clock;
        this.wheel = new TimerWheel(clock, tick, slots, loop::inEventLoop, loop);
    }

    @Override
    public long nanoTime() {
        return clock.getAsLong();
    }

    @Override
    public TimerHandle schedule(Duration delay, Runnable task) {
        long nanos = delay.toNanos();
        if (nanos < wheel.tickNanos() || !loop.inEventLoop()) {
            ScheduledFuture<?> f = loop.schedule(task, nanos, TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        }
        TimerWheel.Timer t = wheel.arm(nanos, task);
        wakeBy(t.fireTimeNanos());
        return t;
    }

    /**
     * Written now, flushed once after the current batch of reads or timers: the datagrams of one batch
     * leave in one {@code sendmmsg} instead of one {@code sendmsg} each.
     */
    @Override
    public void sendControl(InetSocketAddress to, byte[] datagram) {
        channel.write(new DatagramPacket(Unpooled.wrappedBuffer(datagram), to), channel.voidPromise());
        flushSoon();
    }

    /** One flush after the current batch: the first request on the loop queues it, later ones join it. */
    void flushSoon() {
        if (!loop.inEventLoop()) {
            channel.flush(); // thread safe; the flag below belongs to the loop
        } else if (!flushPending) {
            flushPending = true;
            loop.execute(flush);
        }
    }

    /** Whether the wheel has a Netty task pending (false once it is empty and has ticked). */
    boolean ticking() {
        return tickTask != null;
    }

    /** Timers pending on the wheel. */
    int wheelSize() {
        return wheel.size();
    }

    /** Makes the tick task run no later than {@code at}. */
    private void wakeBy(long at) {
        if (at >= tickAt) return;
        if (tickTask != null) tickTask.cancel(false);
        tickAt = at;
        tickTask = loop.schedule(onTick, Math.max(0, at - clock.getAsLong()), TimeUnit.NANOSECONDS);
    }

    private void flushNow() {
        flushPending = false;
        channel.flush();
    }

    private void tick() {
        tickTask = null;
        tickAt = Long.MAX_VALUE;
        wheel.advanceTo(clock.getAsLong());
        long next = wheel.nextWakeNanos();
        if (next != Long.MAX_VALUE) wakeBy(next);
    }
}
