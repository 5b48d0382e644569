package net.vpdn.lac.tunnel;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.vpdn.l2tp.LogText;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.engine.EngineHost;
import net.vpdn.l2tp.engine.L2tpEngine;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.l2tp.engine.TunnelListener;
import net.vpdn.l2tp.tunnel.TunnelParams;
import net.vpdn.l2tp.tunnel.TunnelState;
import net.vpdn.lac.loop.CallLoop;
import net.vpdn.lac.select.LnsEndpoint;
import net.vpdn.lac.select.TunnelSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Find-or-open tunnels to LNSs for one endpoint, on its loop. A call asks for a tunnel of a
 * {@link TunnelSet}; the pool walks the set's LNSs in {@link WeightedOrder} (priority, then weight),
 * skips those in hold-down, reuses an established or opening tunnel to the same LNS under the same
 * local name, or opens one. An LNS that does not establish the tunnel within the connect timeout
 * (no answer, StopCCN, authentication failure) is held down and the call moves to the next LNS.
 * Idle tunnels are cleared after the idle timeout. Not thread-safe: loop only.
 */
public final class TunnelPool {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelPool.class);

    /** Told once, on the loop, how an {@link #acquire} ended. */
    public interface Waiter {
        /** {@code tunnel} is established: place the call in it. */
        void ready(Tunnel tunnel, LnsEndpoint endpoint);

        /** No LNS of the set could be used; {@code detail} says what happened to each. */
        void failed(String detail);
    }

    private record Key(InetSocketAddress address, String hostName) { }

    private final L2tpEngine engine;
    private final CallLoop loop;
    private final RandomSource random;
    private final TunnelPoolConfig config;
    private final Map<Key, Entry> byKey = new HashMap<>();
    private final Map<Tunnel, Entry> byTunnel = new HashMap<>();
    private final Map<InetSocketAddress, Long> deadUntil = new HashMap<>();
    private long opened;
    private long failedLns;
    private long heldDownSkips;

    public TunnelPool(L2tpEngine engine, CallLoop loop, RandomSource random, TunnelPoolConfig config) {
        this.engine = engine;
        this.loop = loop;
        this.random = random;
        this.config = config;
    }

    /**
     * Finds or opens a tunnel for {@code set}; {@code waiter} hears the outcome on the loop. The returned
     * attempt can be {@linkplain #retry resumed} when the LNS it gave refuses the call.
     */
    public Attempt acquire(TunnelSet set, Waiter waiter) {
        Attempt a = new Attempt(set, WeightedOrder.order(set.endpoints(), random).iterator(), waiter);
        next(a);
        return a;
    }

    /**
     * The LNS that {@code attempt} last gave cleared the call before it connected (CDN in answer to
     * ICRQ/ICCN): its waiter hears of the set's next LNS in the same order, or of the failure of the
     * set. The LNS is not held down: its tunnel works, it refused one call.
     */
    public void retry(Attempt attempt, String failure) {
        attempt.note(failure);
        next(attempt);
    }

    /** A call in {@code tunnel} ended: an idle tunnel starts its idle timeout. */
    public void callEnded(Tunnel tunnel) {
        Entry e = byTunnel.get(tunnel);
        if (e != null && e.up && tunnel.sessionCount() == 0 && e.waiters.isEmpty() && !config.idleTimeout().isZero()) {
            cancel(e.idleTimer);
            e.idleTimer = loop.schedule(config.idleTimeout(), () -> idleExpired(e));
        }
    }

    /** Whether {@code address} is in hold-down now. */
    public boolean isHeldDown(InetSocketAddress address) {
        Long until = deadUntil.get(address);
        if (until == null) return false;
        if (loop.nanoTime() - until < 0) return true;
        deadUntil.remove(address);
        return false;
    }

    /** Tunnels the pool holds (opening or established). */
    public int tunnelCount() { return byKey.size(); }
    /** Tunnels opened so far. */
    public long opened() { return opened; }
    /** LNS failures (no tunnel within the connect timeout, or refused). */
    public long failedLns() { return failedLns; }
    /** Times an LNS was skipped because of its hold-down. */
    public long heldDownSkips() { return heldDownSkips; }

    private void next(Attempt a) {
        while (a.candidates.hasNext()) {
            LnsEndpoint ep = a.candidates.next();
            if (isHeldDown(ep.address())) {
                heldDownSkips++;
                a.note(ep.address() + " held down");
                continue;
            }
            Key key = new Key(ep.address(), a.set.localHostName());
            Entry e = byKey.get(key);
            if (e == null) {
                e = open(key, ep, a.set);
                if (e == null) {
                    a.note(ep.address() + " no free tunnel id");
                    continue;
                }
            }
            if (e.up) {
                cancel(e.idleTimer);
                e.idleTimer = null;
                a.waiter.ready(e.tunnel, ep);
            } else {
                e.waiters.add(a);
            }
            return;
        }
        a.waiter.failed(a.failures.isEmpty() ? "no LNS configured" : String.join("; ", a.failures));
    }

    private Entry open(Key key, LnsEndpoint ep, TunnelSet set) {
        TunnelParams t = config.template();
        TunnelParams params = new TunnelParams(set.localHostName(), set.secret(), t.receiveWindow(), t.helloInterval(),
                t.stopHold(), t.vendorName(), t.firmwareRevision(), t.challengePeer());
        Entry e = new Entry(key, ep);
        Tunnel tunnel = engine.openTunnel(ep.address(), params, e);
        if (tunnel == null) return null;
        e.tunnel = tunnel;
        opened++;
        byKey.put(key, e);
        byTunnel.put(tunnel, e);
        e.connectTimer = loop.schedule(config.connectTimeout(), () -> connectTimedOut(e));
        LOG.debug("opening tunnel {} to {} for group {}", tunnel.localId(), ep.address(), set.groupName());
        return e;
    }

    private void connectTimedOut(Entry e) {
        e.connectTimer = null;
        if (e.up || e.dead) return;
        e.tunnel.close(StopCcnResult.GENERAL_ERROR, ErrorCode.NO_GENERAL_ERROR, "not established within "
                + config.connectTimeout());
        lnsFailed(e, "no tunnel within " + config.connectTimeout());
    }

    private void lnsFailed(Entry e, String why) {
        e.dead = true;
        failedLns++;
        cancel(e.connectTimer);
        forget(e);
        deadUntil.put(e.endpoint.address(), loop.nanoTime() + config.holdDown().toNanos());
        LOG.warn("event=lns-failed lns={} detail=\"{}\" hold-down={}", LogText.address(e.endpoint.address()),
                LogText.quoted(why), config.holdDown());
        List<Attempt> waiting = new ArrayList<>(e.waiters);
        e.waiters.clear();
        for (Attempt a : waiting) {
            a.note(e.endpoint.address() + " " + why);
            next(a);
        }
    }

    private void idleExpired(Entry e) {
        e.idleTimer = null;
        if (byTunnel.get(e.tunnel) != e || e.tunnel.sessionCount() > 0 || !e.waiters.isEmpty()) return;
        forget(e);
        e.tunnel.close(StopCcnResult.GENERAL_REQUEST_TO_CLEAR, ErrorCode.NO_GENERAL_ERROR, "idle");
    }

    private void forget(Entry e) {
        byKey.remove(e.key, e);
        byTunnel.remove(e.tunnel, e);
    }

    private static void cancel(EngineHost.TimerHandle h) {
        if (h != null) h.cancel();
    }

    /** One call's walk through a set's LNSs. */
    public static final class Attempt {
        final TunnelSet set;
        final Iterator<LnsEndpoint> candidates;
        final Waiter waiter;
        final List<String> failures = new ArrayList<>(1);

        Attempt(TunnelSet set, Iterator<LnsEndpoint> candidates, Waiter waiter) {
            this.set = set;
            this.candidates = candidates;
            this.waiter = waiter;
        }

        void note(String failure) {
            failures.add(failure);
        }
    }

    /** One pooled tunnel and the calls waiting for it. */
    private final class Entry implements TunnelListener {
        final Key key;
        final LnsEndpoint endpoint;
        final List<Attempt> waiters = new ArrayList<>(2);
        Tunnel tunnel;
        boolean up;
        boolean dead;
        EngineHost.TimerHandle connectTimer;
        EngineHost.TimerHandle idleTimer;

        Entry(Key key, LnsEndpoint endpoint) {
            this.key = key;
            this.endpoint = endpoint;
        }

        @Override
        public void tunnelUp(Tunnel t) {
            if (dead || t.state() != TunnelState.ESTABLISHED) return;
            up = true;
            cancel(connectTimer);
            connectTimer = null;
            List<Attempt> waiting = new ArrayList<>(waiters);
            waiters.clear();
            for (Attempt a : waiting) a.waiter.ready(t, endpoint);
            callEnded(t);
        }

        @Override
        public void tunnelDown(Tunnel t, Avp.ResultCode cause, boolean byPeer) {
            cancel(idleTimer);
            if (!up && !dead) {
                lnsFailed(this, "tunnel cleared before it was up: result " + cause.resultCode() + " error "
                        + cause.errorCode() + " " + cause.errorMessage());
                return;
            }
            forget(this);
        }
    }
}
