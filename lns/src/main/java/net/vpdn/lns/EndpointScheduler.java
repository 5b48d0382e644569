package net.vpdn.lns;

import java.time.Duration;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;

/** {@link LoopScheduler} over an L2TP endpoint's event loop, so sessions share the tunnel's thread. */
public final class EndpointScheduler implements LoopScheduler {
    private final NettyL2tpEndpoint endpoint;

    public EndpointScheduler(NettyL2tpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public long nanoTime() {
        return endpoint.engine().host().nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        return endpoint.engine().host().schedule(delay, () -> endpoint.engine().run(task))::cancel;
    }

    @Override
    public void execute(Runnable task) {
        endpoint.execute(task);
    }
}
