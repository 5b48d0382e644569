package net.vpdn.benchmarks.scenario;

import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.engine.CallAcceptor;
import net.vpdn.l2tp.engine.EngineConfig;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.engine.SessionListener;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.l2tp.engine.TunnelListener;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.l2tp.tunnel.TunnelParams;

/**
 * A LAC that does only L2TP: it opens {@code tunnels} tunnels to one LNS, then places {@code calls} calls
 * over them (round robin, at most {@code inFlight} not yet answered at once). A call counts as set up
 * when our side reaches established (ICCN sent after the ICRP); the run ends when the LNS has
 * acknowledged every message of every tunnel, the last ICCN included. No PPP follows: whatever the LNS does
 * after the ICCN (LCP towards nobody, or a pppd that fails) is outside the measured path. Everything
 * runs on the endpoint's one event loop, so its counters need no locking.
 */
final class L2tpLoad implements AutoCloseable {
    private final NettyL2tpEndpoint endpoint;
    private final List<Tunnel> up = new ArrayList<>();
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private int placed;
    private int answered;
    private int established;
    private int refused;
    private int calls;
    private int inFlight;
    private long startNanos;
    private long lastUpNanos; // until every ICCN is acknowledged: the partial result of a run that timed out

    /**
     * One run's outcome.
     *
     * @param established calls that reached established at our end
     * @param refused     calls cleared before that (CDN, or their tunnel went down)
     * @param seconds     from the first ICRQ to the LNS's acknowledgement of the last ICCN
     */
    record Result(int established, int refused, double seconds) {
        double setupsPerSecond() {
            return seconds <= 0 ? 0 : established / seconds;
        }
    }

    private L2tpLoad(NettyL2tpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    static L2tpLoad start() throws InterruptedException {
        EngineConfig config = EngineConfig.defaults("bench-l2tp-lac");
        return new L2tpLoad(NettyL2tpEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), config,
                RandomSource.seeded(97), new NettyL2tpEndpoint.Handlers(null, CallAcceptor.REFUSE, TunnelListener.NONE,
                (s, frame) -> ReferenceCountUtil.release(frame))));
    }

    /** Opens {@code tunnels} tunnels to {@code lns} as {@code bench-lacK}; waits until all are up. */
    void openTunnels(InetSocketAddress lns, int tunnels, String secret, Duration timeout) throws Exception {
        List<CompletableFuture<Tunnel>> all = new ArrayList<>();
        for (int t = 0; t < tunnels; t++) {
            CompletableFuture<Tunnel> f = new CompletableFuture<>();
            TunnelParams p = TunnelParams.defaults("bench-lac" + t)
                    .withSecret(TunnelSecret.ofBytes(secret.getBytes(StandardCharsets.UTF_8)));
            endpoint.execute(() -> endpoint.engine().openTunnel(lns, p, new TunnelListener() {
                @Override
                public void tunnelUp(Tunnel tunnel) {
                    f.complete(tunnel);
                }

                @Override
                public void tunnelDown(Tunnel tunnel, Avp.ResultCode cause, boolean byPeer) {
                    f.completeExceptionally(new IllegalStateException("tunnel down: " + cause));
                }
            }));
            all.add(f);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        for (CompletableFuture<Tunnel> f : all) up.add(f.join());
    }

    /** Places {@code n} calls, at most {@code window} unanswered at once; the result once all are answered. */
    Result run(int n, int window, Duration timeout) throws Exception {
        endpoint.execute(() -> {
            calls = n;
            inFlight = window;
            startNanos = System.nanoTime();
            lastUpNanos = startNanos;
            for (int i = 0; i < Math.min(n, window); i++) placeNext();
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            onLoop(() -> { // which calls never got an answer, and whether the LNS acknowledged their ICRQ
                for (Tunnel t : up) {
                    t.sessions().stream().filter(s -> !s.isEstablished()).forEach(s -> System.err.printf(
                            "vpdn bench: unanswered call: tunnel %d (peer %d) session %d state %s; tunnel unacked %d, queued %d, next Ns %d, expected Nr %d%n",
                            t.localId(), t.peerId(), s.localId(), s.state(), t.transport().unackedCount(),
                            t.transport().queuedCount(), t.transport().nextNs(), t.transport().nextExpectedNs()));
                }
                return null;
            });
            return onLoop(this::result); // partial: what was established by then
        }
        while (System.nanoTime() < deadline) { // polled from this thread, 1 ms apart: the loop keeps working
            Result r = onLoop(() -> up.stream().allMatch(t -> t.transport().isIdle() || t.transport().isFailed())
                    ? new Result(established, refused, (System.nanoTime() - startNanos) / 1e9) : null);
            if (r != null) return r;
            Thread.sleep(1);
        }
        return onLoop(this::result);
    }

    private <T> T onLoop(java.util.function.Supplier<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        endpoint.execute(() -> f.complete(task.get()));
        return f.get(5, TimeUnit.SECONDS);
    }

    private void placeNext() {
        if (placed >= calls) return;
        Tunnel t = up.get(placed % up.size());
        placed++;
        t.placeCall(CallParams.of(new Avp.CallingNumber("555" + placed), new Avp.BearerType(true, false)),
                CallParams.of(new Avp.TxConnectSpeed(100_000_000), new Avp.FramingType(true, false)), new SessionListener() {
                    private boolean wasUp;

                    @Override
                    public void sessionUp(Session s, CallParams p) {
                        wasUp = true;
                        established++;
                        lastUpNanos = System.nanoTime();
                        answered();
                    }

                    @Override
                    public void sessionDown(Session s, Avp.ResultCode cause, boolean byPeer) {
                        if (!wasUp) {
                            refused++;
                            answered();
                        }
                    }
                });
    }

    private void answered() {
        answered++;
        if (answered >= calls) {
            done.complete(result());
        } else if (placed - answered < inFlight) {
            placeNext();
        }
    }

    private Result result() {
        return new Result(established, refused, (lastUpNanos - startNanos) / 1e9);
    }

    @Override
    public void close() {
        endpoint.close(Duration.ofSeconds(2));
    }
}
