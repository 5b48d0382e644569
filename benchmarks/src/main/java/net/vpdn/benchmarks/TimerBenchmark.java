package net.vpdn.benchmarks;

import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import net.vpdn.l2tp.engine.TimerWheel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Arming and cancelling one protocol timer (what a retransmit or ack-delay timer costs per control
 * message) with {@code pending} other timers already armed, as on a loaded endpoint: on the
 * {@link TimerWheel} against Netty's scheduled-task heap (an embedded loop, whose schedule and cancel
 * take the same in-loop path as a real one). Run with {@code ./vpdn bench TimerBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TimerBenchmark {
    private static final Runnable NOOP = () -> { };
    private static final long SECOND = 1_000_000_000L;

    @Param({"1000", "100000"})
    public int pending;

    private long now = 1;
    private TimerWheel wheel;
    private EmbeddedChannel channel;
    private EventLoop loop;
    private int i;

    @Setup
    public void setup() {
        wheel = new TimerWheel(() -> now, Duration.ofMillis(10), 512);
        channel = new EmbeddedChannel();
        loop = channel.eventLoop();
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < pending; k++) {
            long delay = SECOND + rnd.nextLong(60 * SECOND); // HELLO, echo, restart spread over a minute
            wheel.arm(delay, NOOP);
            loop.schedule(NOOP, delay, TimeUnit.NANOSECONDS);
        }
    }

    @TearDown
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    private long nextDelay() {
        return SECOND + (i++ & 1023) * 1_000_000L; // 1 s to 2 s, as a retransmit timer
    }

    @Benchmark
    public void wheelArmCancel() {
        wheel.arm(nextDelay(), NOOP).cancel();
    }

    @Benchmark
    public void nettyScheduleCancel() {
        loop.schedule(NOOP, nextDelay(), TimeUnit.NANOSECONDS).cancel(false);
    }
}
