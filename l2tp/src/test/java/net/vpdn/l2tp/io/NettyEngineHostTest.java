package net.vpdn.l2tp.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.vpdn.l2tp.engine.EngineHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("NettyEngineHost: wheel timers on a real event loop")
class NettyEngineHostTest {
    final EventLoop loop = new DefaultEventLoop();
    final NettyEngineHost host = new NettyEngineHost(null, loop, System::nanoTime, NettyEngineHost.TICK, 64);

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    <T> T onLoop(Supplier<T> s) throws Exception {
        return loop.submit(s::get).get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a timer armed on the loop goes on the wheel, fires no earlier than asked, then ticking stops")
    void wheelTimer() throws Exception {
        CompletableFuture<Long> fired = new CompletableFuture<>();
        long[] armedAt = new long[1];
        int queued = onLoop(() -> {
            armedAt[0] = System.nanoTime();
            host.schedule(Duration.ofMillis(35), () -> fired.complete(System.nanoTime()));
            return host.wheelSize();
        });
        assertThat(queued).isEqualTo(1);
        long at = fired.get(10, TimeUnit.SECONDS);
        assertThat(at - armedAt[0]).isGreaterThanOrEqualTo(Duration.ofMillis(35).toNanos());
        assertThat(onLoop(host::ticking)).as("no tick task once the wheel is empty").isFalse();
        assertThat(onLoop(host::wheelSize)).isZero();
    }

    @Test
    @DisplayName("arming again after the wheel went idle restarts the ticking")
    void restart() throws Exception {
        for (int round = 0; round < 3; round++) {
            CompletableFuture<Void> fired = new CompletableFuture<>();
            onLoop(() -> host.schedule(Duration.ofMillis(15), () -> fired.complete(null)));
            assertThat(onLoop(host::ticking)).isTrue();
            fired.get(10, TimeUnit.SECONDS);
            assertThat(onLoop(host::ticking)).isFalse();
        }
    }

    @Test
    @DisplayName("a sooner timer pulls the tick task forward")
    void soonerTimer() throws Exception {
        CompletableFuture<Long> soon = new CompletableFuture<>();
        long[] armedAt = new long[1];
        onLoop(() -> {
            host.schedule(Duration.ofSeconds(30), () -> { });
            armedAt[0] = System.nanoTime();
            return host.schedule(Duration.ofMillis(20), () -> soon.complete(System.nanoTime()));
        });
        long at = soon.get(10, TimeUnit.SECONDS);
        assertThat(at - armedAt[0]).isBetween(Duration.ofMillis(20).toNanos(), Duration.ofSeconds(5).toNanos());
        assertThat(onLoop(host::wheelSize)).isEqualTo(1);
        assertThat(onLoop(host::ticking)).isTrue();
    }

    @Test
    @DisplayName("short delays and calls from other threads use the loop's own scheduler")
    void fallbacks() throws Exception {
        CompletableFuture<Void> zero = new CompletableFuture<>();
        CompletableFuture<Void> foreign = new CompletableFuture<>();
        int onWheel = onLoop(() -> {
            host.schedule(Duration.ZERO, () -> zero.complete(null));
            host.schedule(Duration.ofMillis(9), () -> { });
            return host.wheelSize();
        });
        assertThat(onWheel).isZero();
        host.schedule(Duration.ofMillis(30), () -> foreign.complete(null)); // test thread, not the loop
        assertThat(onLoop(host::wheelSize)).isZero();
        zero.get(10, TimeUnit.SECONDS);
        foreign.get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a wheel timer cancelled from another thread never fires")
    void foreignCancel() throws Exception {
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        CompletableFuture<Void> witness = new CompletableFuture<>();
        EngineHost.TimerHandle h = onLoop(() -> host.schedule(Duration.ofMillis(200), () -> cancelled.complete(null)));
        onLoop(() -> host.schedule(Duration.ofMillis(300), () -> witness.complete(null)));
        h.cancel(); // from the test thread: handed to the loop, which runs it before this next task
        assertThat(onLoop(host::wheelSize)).isEqualTo(1);
        witness.get(10, TimeUnit.SECONDS);
        assertThat(cancelled).isNotDone();
        assertThat(onLoop(host::wheelSize)).isZero();
    }
}
