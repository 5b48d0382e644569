package net.vpdn.l2tp.engine;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.vpdn.l2tp.LogText;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.AvpCodec;
import net.vpdn.l2tp.avp.AvpDecodeResult;
import net.vpdn.l2tp.session.IdAllocator;
import net.vpdn.l2tp.tunnel.AcceptDecision;
import net.vpdn.l2tp.tunnel.TieBreakOutcome;
import net.vpdn.l2tp.tunnel.TunnelAcceptor;
import net.vpdn.l2tp.tunnel.TunnelEvent;
import net.vpdn.l2tp.tunnel.TunnelFsm;
import net.vpdn.l2tp.tunnel.TunnelParams;
import net.vpdn.l2tp.tunnel.TunnelRole;
import net.vpdn.l2tp.tunnel.TunnelState;
import net.vpdn.l2tp.wire.ControlPacket;
import net.vpdn.l2tp.wire.DecodeResult;
import net.vpdn.l2tp.wire.MessageType;
import net.vpdn.l2tp.wire.PacketDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The L2TP endpoint's control plane: the registry of tunnels (by our tunnel id) and of tunnels
 * still being opened by peers, the entry point for received control datagrams, and the serial
 * executor that keeps the state machines from being re-entered. It is single-threaded: every
 * method runs on the host's thread. Both roles use it: a LAC opens tunnels, an LNS accepts them,
 * and either may do both.
 */
public final class L2tpEngine {
    private static final Logger LOG = LoggerFactory.getLogger(L2tpEngine.class);

    private final EngineConfig config;
    private final EngineHost host;
    private final RandomSource random;
    private final EngineStats stats = new EngineStats();
    private final IntMap<Tunnel> tunnels = new IntMap<>(64);
    private final IdAllocator tunnelIds;
    /** Tunnels the peer opened, by (peer address, peer's Assigned Tunnel ID): a retransmitted SCCRQ finds its tunnel here. */
    private final Map<PeerTunnelKey, Tunnel> byPeerKey = new HashMap<>();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final TunnelAcceptor acceptor;
    private final CallAcceptor callAcceptor;
    private final TunnelListener acceptedTunnelListener;
    private boolean running;
    private int pendingAccepted;
    private int establishedSessions;

    private record PeerTunnelKey(InetSocketAddress peer, int peerTunnelId) { }

    /**
     * @param acceptor  decides on tunnels peers open (null: refuse every SCCRQ, a pure LAC)
     * @param callAcceptor decides on calls peers place in any tunnel
     * @param acceptedTunnelListener told about tunnels peers opened
     */
    public L2tpEngine(EngineConfig config, EngineHost host, RandomSource random, TunnelAcceptor acceptor,
                      CallAcceptor callAcceptor, TunnelListener acceptedTunnelListener) {
        this.config = config;
        this.host = host;
        this.random = random;
        this.acceptor = acceptor;
        this.callAcceptor = callAcceptor;
        this.acceptedTunnelListener = acceptedTunnelListener;
        this.tunnelIds = new IdAllocator(random);
    }

    public EngineConfig config() { return config; }
    public EngineHost host() { return host; }
    public EngineStats stats() { return stats; }
    RandomSource random() { return random; }
    CallAcceptor callAcceptor() { return callAcceptor; }
    Logger log() { return LOG; }

    /** Live tunnels, in no particular order. */
    public List<Tunnel> tunnels() { return tunnels.values(); }
    public Tunnel tunnel(int localId) { return tunnels.get(localId); }
    public int establishedSessions() { return establishedSessions; }

    /** The session a data message is for, or null; no allocation (called per data packet). */
    public Session findSession(int tunnelId, int sessionId) {
        Tunnel t = tunnels.get(tunnelId);
        return t == null ? null : t.session(sessionId);
    }

    // ---- serial execution ----------------------------------------------------------------------

    /**
     * Runs {@code task} now, or after the task in progress if called from inside one, so no state
     * machine is ever re-entered from a callback it caused.
     */
    public void run(Runnable task) {
        queue.add(task);
        if (running) return;
        running = true;
        try {
            Runnable next;
            while ((next = queue.poll()) != null) {
                try {
                    next.run();
                } catch (RuntimeException e) {
                    // A bug in one tunnel's handling must not take the event loop or other tunnels down.
                    LOG.error("event=engine-task-failed error=\"{}\"", LogText.quoted(e.toString()), e);
                }
            }
        } finally {
            running = false;
        }
    }

    /** Queues a notification to the owner, run after the current state change completes. */
    void notify(Runnable callback) {
        queue.add(callback);
    }

    // ---- opening tunnels ---------------------------------------------------------------------

    /**
     * Opens a control connection to {@code peer} (sends SCCRQ). The tunnel is returned at once
     * and reports {@link TunnelListener#tunnelUp} when established. Returns null when no tunnel
     * id is free.
     */
    public Tunnel openTunnel(InetSocketAddress peer, TunnelParams requested, TunnelListener listener) {
        // What we advertise must be what the transport really holds for out-of-order messages.
        TunnelParams params = requested.withReceiveWindow(config.transport().receiveWindow());
        int id = tunnelIds.allocate();
        if (id == 0) return null;
        TunnelFsm fsm = new TunnelFsm(TunnelRole.INITIATOR, id, params, random, null, config.sendTieBreaker());
        Tunnel t = new Tunnel(this, id, peer, params, fsm, params.secret(), listener);
        tunnels.put(id, t);
        run(() -> t.handle(new TunnelEvent.Open()));
        return t;
    }

    // ---- receiving -----------------------------------------------------------------------------

    /** A control datagram arrived (the I/O layer copies it out of its buffer first). */
    public void onControlDatagram(InetSocketAddress from, byte[] buf, int off, int len) {
        run(() -> receive(from, buf, off, len));
    }

    private void receive(InetSocketAddress from, byte[] buf, int off, int len) {
        switch (PacketDecoder.decode(buf, off, len)) {
            case DecodeResult.Malformed m -> {
                stats.countDrop(m.reason());
                LOG.debug("dropped datagram from {}: {}: {}", from, m.reason(), m.detail());
            }
            case DecodeResult.Data d -> { } // the I/O layer handles data messages itself
            case DecodeResult.Control c -> route(c.packet(), from);
        }
    }

    private void route(ControlPacket p, InetSocketAddress from) {
        if (p.tunnelId() == 0) {
            newTunnelRequest(p, from);
            return;
        }
        Tunnel t = tunnels.get(p.tunnelId());
        if (t == null) {
            stats.countDrop(EngineDrop.UNKNOWN_TUNNEL);
            return;
        }
        t.onPacket(p, from);
    }

    /** A packet for tunnel 0 must be an SCCRQ (RFC 2661 §3.1): a new tunnel, or a retransmission of one. */
    private void newTunnelRequest(ControlPacket p, InetSocketAddress from) {
        if (AvpCodec.peekMessageType(p.avps()).orElse(null) != MessageType.SCCRQ) {
            stats.countDrop(EngineDrop.NOT_SCCRQ_FOR_TUNNEL_ZERO);
            return;
        }
        if (!(AvpCodec.decode(p.avps(), null) instanceof AvpDecodeResult.Ok ok)) {
            stats.countDrop(EngineDrop.INVALID_AVPS);
            return;
        }
        int peerTid = find(ok.avps(), Avp.AssignedTunnelId.class).map(Avp.AssignedTunnelId::tunnelId).orElse(0);
        Tunnel existing = byPeerKey.get(new PeerTunnelKey(from, peerTid));
        if (existing != null) {
            existing.onPacket(p, from);
            return;
        }
        if (!resolveCollision(ok.avps(), from)) {
            stats.countDrop(EngineDrop.TIE_BREAK_LOST_BY_PEER);
            return;
        }
        if (acceptor == null || pendingAccepted >= config.maxPendingTunnels()) {
            stats.countDrop(EngineDrop.PENDING_TUNNEL_LIMIT);
            stats.countRejectedSccrq();
            return;
        }
        String hostName = find(ok.avps(), Avp.HostName.class).map(Avp.HostName::name).orElse("");
        AcceptDecision decision = acceptor.decide(hostName);
        int id = tunnelIds.allocate();
        if (id == 0) {
            stats.countRejectedSccrq();
            return;
        }
        TunnelSecret secret = decision instanceof AcceptDecision.Accept a ? a.secretOrNull() : null;
        TunnelParams params = config.responderParams().withSecret(secret)
                .withReceiveWindow(config.transport().receiveWindow());
        TunnelFsm fsm = new TunnelFsm(TunnelRole.RESPONDER, id, params, random, name -> decision);
        Tunnel t = new Tunnel(this, id, from, params, fsm, secret, acceptedTunnelListener);
        tunnels.put(id, t);
        byPeerKey.put(new PeerTunnelKey(from, peerTid), t);
        pendingAccepted++;
        t.onPacket(p, from);
    }

    /**
     * RFC 2661 §4.4.3 Tie Breaker: an SCCRQ from a peer we are ourselves opening a tunnel to.
     * Returns whether the peer's SCCRQ may proceed. When our tunnel loses, its waiting calls end
     * (reported down with the cause) and the owner places them again in the winning tunnel.
     */
    private boolean resolveCollision(List<Avp> sccrq, InetSocketAddress from) {
        java.util.OptionalLong theirs = find(sccrq, Avp.TieBreaker.class)
                .map(tb -> java.util.OptionalLong.of(tb.value())).orElse(java.util.OptionalLong.empty());
        for (Tunnel ours : tunnels.values()) {
            if (ours.fsm().role() != TunnelRole.INITIATOR || ours.state() != TunnelState.WAIT_CTL_REPLY
                    || !ours.peer().getAddress().equals(from.getAddress())) {
                continue;
            }
            switch (TieBreakOutcome.compare(ours.fsm().tieBreaker(), theirs)) {
                case WE_WIN -> { return false; }
                case WE_LOSE -> ours.handle(new TunnelEvent.LostTieBreak());
                case BOTH_LOSE -> {
                    ours.handle(new TunnelEvent.LostTieBreak());
                    return false;
                }
                case NO_TIE_BREAK -> { }
            }
        }
        return true;
    }

    private static <T extends Avp> java.util.Optional<T> find(List<Avp> avps, Class<T> kind) {
        for (Avp a : avps) {
            if (kind.isInstance(a)) return java.util.Optional.of(kind.cast(a));
        }
        return java.util.Optional.empty();
    }

    // ---- bookkeeping called by tunnels and sessions -------------------------------------------

    void tunnelEstablished(Tunnel t) {
        if (t.fsm().role() == TunnelRole.RESPONDER) pendingAccepted--;
    }

    void tunnelClosing(Tunnel t, Avp.ResultCode cause, boolean byPeer) {
        stats.countTunnelEnd(t.endCause(cause, byPeer), t.wasEstablished());
        LOG.info("event=tunnel-closing tunnel={} peer={} host={} result={} error={} by-peer={} message=\"{}\"", t.localId(),
                LogText.address(t.peer()), LogText.value(t.peerHostName()), cause.resultCode(), cause.errorCode(), byPeer,
                LogText.quoted(cause.errorMessage()));
    }

    void tunnelReleased(Tunnel t) {
        if (t.fsm().role() == TunnelRole.RESPONDER && !t.wasEstablished()) pendingAccepted--;
        tunnels.remove(t.localId());
        tunnelIds.release(t.localId());
        // Folded at the moment it leaves the registry, so a scrape sees it either live or retired, never both.
        stats.retireTransport(t.transport().counters());
        for (Session s : t.sessions()) stats.retireOctets(s.octetsIn(), s.octetsOut());
        byPeerKey.values().remove(t);
    }

    int allocateSessionId(Tunnel t) {
        return t.sessionIds().allocate();
    }

    void sessionReleased(Tunnel t, Session s) {
        t.sessionIds().release(s.localId());
        stats.retireOctets(s.octetsIn(), s.octetsOut());
    }

    void sessionEstablished(Session s) {
        establishedSessions++;
    }

    void sessionClosed(Session s, boolean wasEstablished) {
        if (wasEstablished) establishedSessions--;
    }

    /** Closes every tunnel with StopCCN (shutdown). */
    public void closeAll(String why) {
        run(() -> {
            for (Tunnel t : tunnels.values()) {
                if (t.state() != TunnelState.CLOSING && t.state() != TunnelState.CLOSED) {
                    t.handle(new TunnelEvent.Close(net.vpdn.l2tp.avp.StopCcnResult.SHUTTING_DOWN,
                            net.vpdn.l2tp.avp.ErrorCode.NO_GENERAL_ERROR, why));
                }
            }
        });
    }
}
