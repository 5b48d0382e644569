package net.vpdn.metrics;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.vpdn.aaa.acct.AccountingQueue;
import net.vpdn.aaa.radius.RadiusObserver;
import net.vpdn.aaa.radius.RadiusStats;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.engine.CallAcceptor;
import net.vpdn.l2tp.engine.EngineConfig;
import net.vpdn.l2tp.engine.TunnelListener;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;
import net.vpdn.vtemplate.Ipv4Pool;

/** A real L2TP endpoint on a loopback free port with every binder registered on one {@link VpdnMetrics}. */
final class Fixture implements AutoCloseable {
    final NettyL2tpEndpoint endpoint;
    final VpdnMetrics metrics;
    final CallMetrics calls;
    final RadiusServerMetrics radius;
    final Ipv4Pool pool = Ipv4Pool.cidr("pool-a", "10.0.0.0/29");

    Fixture() throws InterruptedException {
        endpoint = NettyL2tpEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                EngineConfig.defaults("metrics-test"), RandomSource.seeded(7),
                new NettyL2tpEndpoint.Handlers(null, CallAcceptor.REFUSE, TunnelListener.NONE, (s, f) -> f.release()));
        metrics = VpdnMetrics.create(endpoint::execute);
        metrics.bindL2tp(endpoint.engine());
        metrics.bindPools(() -> Map.of(pool.name(), pool.usage()));
        metrics.loopGauge(MetricNames.LNS_CALLS_IN_SETUP, "Calls between ICRQ and IPCP up", () -> 0);
        calls = metrics.bindCalls();
        radius = AaaMetrics.bindRadius(metrics.registry(), "client", new RadiusStats());
        radius.preRegister("radius-b", RadiusObserver.Type.ACCOUNTING);
        AaaMetrics.bindAccounting(metrics.registry(), new AccountingQueue(4, 1, Duration.ofSeconds(1),
                r -> CompletableFuture.completedFuture(true), Runnable::run, (d, t) -> { }));
    }

    @Override
    public void close() {
        metrics.close();
        endpoint.close(Duration.ZERO);
    }
}
