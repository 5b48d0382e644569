package net.vpdn.lac.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.engine.CallAcceptor;
import net.vpdn.l2tp.engine.EngineConfig;
import net.vpdn.l2tp.engine.TunnelListener;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;
import net.vpdn.lac.access.emulator.SubscriberEmulator;
import net.vpdn.lac.access.emulator.SubscriberProfile;
import net.vpdn.lac.access.emulator.SubscriberReport;
import net.vpdn.lac.call.DataPath;
import net.vpdn.lac.call.LacCallConfig;
import net.vpdn.lac.call.LacCounters;
import net.vpdn.lac.call.LacService;
import net.vpdn.lac.loop.CallLoop;
import net.vpdn.lac.select.TunnelSelector;
import net.vpdn.lac.select.UserNameParser;
import net.vpdn.lac.tunnel.TunnelPool;
import net.vpdn.lac.tunnel.TunnelPoolConfig;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.session.PppSessionConfig;

/** Our LAC on a loopback Netty endpoint, wired as a composition root would, with the emulator as access side. */
public final class LacHarness implements AutoCloseable {
    public final NettyL2tpEndpoint endpoint;
    public final LacService service;
    public final TunnelPool pool;
    public final CallLoop loop;
    public final ConcurrentLinkedQueue<SubscriberReport> reports = new ConcurrentLinkedQueue<>();

    public LacHarness(TunnelSelector selector, TunnelPoolConfig poolConfig) throws InterruptedException {
        LacService[] ref = new LacService[1];
        endpoint = NettyL2tpEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                EngineConfig.defaults("lac1"), RandomSource.seeded(7),
                new NettyL2tpEndpoint.Handlers(null, CallAcceptor.REFUSE, TunnelListener.NONE,
                        (s, f) -> ref[0].dataHandler().onFrame(s, f)));
        loop = CallLoop.of(endpoint);
        pool = new TunnelPool(endpoint.engine(), loop, RandomSource.seeded(8), poolConfig);
        service = new LacService(new LacCallConfig(lacPpp(), UserNameParser.suffix('@')), selector, pool, loop,
                DataPath.of(endpoint), PppRandom.seeded(9), new LacCounters());
        ref[0] = service;
    }

    /** The LAC's side of PPP: CHAP preferred, PAP accepted, MRU 1460 so that the LNS can adopt it. */
    public static PppSessionConfig lacPpp() {
        LcpPolicy lcp = new LcpPolicy(1460, 576, 1500, true, false, false, true, true,
                List.of(AuthMethod.CHAP_MD5, AuthMethod.PAP), List.of(), 5);
        return new PppSessionConfig(lcp, CpConfig.rfcDefaults(), Optional.empty(), false, Duration.ofSeconds(30), 3,
                AuthTiming.defaults(), "lac1", Optional.empty(), true);
    }

    /** Starts an emulator with {@code profiles} on the LAC's loop; the latch counts reports down. */
    public CountDownLatch dial(List<SubscriberProfile> profiles, double callsPerSecond) {
        CountDownLatch done = new CountDownLatch(profiles.size());
        SubscriberEmulator emulator = new SubscriberEmulator(loop, profiles, callsPerSecond, PppRandom.seeded(10), r -> {
            reports.add(r);
            done.countDown();
        });
        endpoint.execute(() -> emulator.start(service));
        return done;
    }

    public <T> T onLoop(java.util.function.Supplier<T> s) {
        return endpoint.call(s).join();
    }

    @Override
    public void close() {
        endpoint.close(Duration.ofSeconds(2));
    }
}
