package net.vpdn.l2tp.engine;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.AvpCodec;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.HidingPolicy;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.l2tp.session.SessionRole;
import net.vpdn.l2tp.transport.ReliableTransport;
import net.vpdn.l2tp.transport.TransportAction;
import net.vpdn.l2tp.transport.TransportTimer;
import net.vpdn.l2tp.tunnel.TunnelAction;
import net.vpdn.l2tp.tunnel.TunnelEvent;
import net.vpdn.l2tp.tunnel.TunnelFsm;
import net.vpdn.l2tp.tunnel.TunnelParams;
import net.vpdn.l2tp.tunnel.TunnelState;
import net.vpdn.l2tp.tunnel.TunnelTimer;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.ControlPacket;
import net.vpdn.l2tp.wire.MessageType;
import net.vpdn.l2tp.wire.PacketEncoder;
import net.vpdn.l2tp.wire.RawAvp;

/**
 * One control connection at run time: the shell that joins the reliable transport, the AVP codec,
 * the tunnel state machine and the tunnel's sessions, and carries out their actions on the
 * engine's thread. The state machines stay pure; everything with an effect happens here.
 */
public final class Tunnel {
    private final L2tpEngine engine;
    private final int localId;
    private final TunnelParams params;
    private final TunnelFsm fsm;
    private final ReliableTransport<ControlPacket> transport;
    private final IntMap<Session> sessions = new IntMap<>(8);
    private final TunnelInbound inbound = new TunnelInbound(this);
    private final net.vpdn.l2tp.session.IdAllocator sessionIds;
    private final TimerSlots<TunnelTimer> fsmTimers;
    private final TimerSlots<TransportTimer> transportTimers;
    private final long createdNanos;
    private InetSocketAddress peer;
    private TunnelSecret secret;
    private TunnelListener listener;
    private boolean peerAddressSettled;
    private long upNanos;
    private boolean released;
    private boolean closingReported;
    private TunnelEnd forcedEnd; // an end no StopCCN tells: the transport gave up, or a lost tie break
    private boolean lastSentHello;
    /** Data messages received, and their count when HELLO was last armed: no clock read per packet. */
    private long dataActivity;
    private long dataAtHelloArm;

    Tunnel(L2tpEngine engine, int localId, InetSocketAddress peer, TunnelParams params, TunnelFsm fsm,
           TunnelSecret secret, TunnelListener listener) {
        this.engine = engine;
        this.localId = localId;
        this.peer = peer;
        this.params = params;
        this.fsm = fsm;
        this.secret = secret;
        this.listener = listener;
        this.transport = new ReliableTransport<>(engine.config().transport());
        this.sessionIds = new net.vpdn.l2tp.session.IdAllocator(engine.random());
        this.createdNanos = engine.host().nanoTime();
        this.fsmTimers = new TimerSlots<>(engine, TunnelTimer.values().length);
        this.transportTimers = new TimerSlots<>(engine, TransportTimer.values().length);
    }

    // ---- public view -------------------------------------------------------------------------

    public int localId() { return localId; }
    public int peerId() { return fsm.peerTunnelId(); }
    public InetSocketAddress peer() { return peer; }
    public String peerHostName() { return fsm.peerHostName(); }
    public TunnelState state() { return fsm.state(); }
    public TunnelParams params() { return params; }
    public int sessionCount() { return sessions.size(); }
    public List<Session> sessions() { return sessions.values(); }
    public ReliableTransport<ControlPacket> transport() { return transport; }
    /** Nanoseconds (engine clock) since the tunnel came up, or 0 while it is not up. */
    public long uptimeNanos() { return upNanos == 0 ? 0 : engine.host().nanoTime() - upNanos; }
    long createdNanos() { return createdNanos; }

    /**
     * Places an incoming call (the LAC role: ICRQ, ICRP, ICCN). If the tunnel is not yet
     * established the call waits for it. Returns null when no session id is free.
     */
    public Session placeCall(CallParams icrq, CallParams iccn, SessionListener sessionListener) {
        return startCall(SessionRole.LAC_INCOMING, icrq, iccn, sessionListener);
    }

    /**
     * Places an outgoing call (the LNS role: OCRQ, then OCRP and OCCN from the LAC), RFC 2661
     * §7.5. Returns null when no session id is free.
     */
    public Session placeOutgoingCall(CallParams ocrq, SessionListener sessionListener) {
        return startCall(SessionRole.LNS_OUTGOING, ocrq, null, sessionListener);
    }

    private Session startCall(SessionRole role, CallParams request, CallParams connect, SessionListener l) {
        int id = engine.allocateSessionId(this);
        if (id == 0) return null;
        Session s = new Session(this, id, role, l);
        sessions.put(id, s);
        engine.run(() -> {
            s.handle(new net.vpdn.l2tp.session.SessionEvent.Open(request, connect));
            if (fsm.state() == TunnelState.ESTABLISHED) {
                s.handle(new net.vpdn.l2tp.session.SessionEvent.TunnelUp());
            }
        });
        return s;
    }

    /** Closes the tunnel with a StopCCN (and so every session in it). */
    public void close(StopCcnResult result, ErrorCode error, String message) {
        engine.run(() -> handle(new TunnelEvent.Close(result, error, message)));
    }

    public void setListener(TunnelListener listener) { this.listener = listener; }

    // ---- inbound ---------------------------------------------------------------------------

    /** A control packet addressed to this tunnel arrived from {@code from}. */
    void onPacket(ControlPacket packet, InetSocketAddress from) {
        if (!from.equals(peer)) {
            // RFC 2661 §8.1: the responder may answer from another port; adopt the first reply's
            // source, and after that accept nothing from elsewhere.
            if (!peerAddressSettled && from.getAddress().equals(peer.getAddress())) {
                peer = from;
            } else {
                engine.stats().countDrop(EngineDrop.WRONG_PEER_ADDRESS);
                return;
            }
        }
        peerAddressSettled = true;
        if (packet.isZlb()) engine.stats().countReceivedZlb();
        handle(new TunnelEvent.ActivityReceived());
        apply(transport.onReceive(packet.ns(), packet.nr(), packet.isZlb() ? null : packet, engine.host().nanoTime()));
    }

    // ---- outbound and actions ----------------------------------------------------------------

    void handle(TunnelEvent e) {
        for (TunnelAction a : fsm.handle(e)) {
            apply(a);
        }
    }

    private void apply(TunnelAction a) {
        switch (a) {
            case TunnelAction.Send s -> send(s.msg(), s.urgent());
            case TunnelAction.ArmTimer t -> armFsmTimer(t.timer(), t.after());
            case TunnelAction.CancelTimer t -> fsmTimers.cancel(t.timer());
            case TunnelAction.Established est -> established(est);
            case TunnelAction.Closing c -> closing(c);
            case TunnelAction.Closed c -> released();
        }
    }

    /** Queues a control message on the reliable transport (sessions send through here too). */
    void send(ControlMessage m, boolean urgent) {
        engine.stats().countSent(m.type());
        lastSentHello = m.type() == MessageType.HELLO;
        List<RawAvp> avps = AvpCodec.encode(m, hiding(), engine.random());
        ControlPacket p = new ControlPacket(m.tunnelId(), m.sessionId(), 0, 0, avps);
        apply(transport.submit(p, urgent, engine.host().nanoTime()));
    }

    private HidingPolicy hiding() {
        return secret != null && !engine.config().hiddenAvps().isEmpty()
                ? HidingPolicy.hide(secret, engine.config().hiddenAvps())
                : HidingPolicy.none();
    }

    /**
     * Carries out the transport's actions in order; deliveries wait until the whole list is done,
     * so the transport is never re-entered while its own actions are being performed.
     */
    private void apply(List<TransportAction<ControlPacket>> actions) {
        List<ControlPacket> delivered = null;
        for (TransportAction<ControlPacket> a : actions) {
            switch (a) {
                case TransportAction.Transmit<ControlPacket> t -> transmit(t);
                case TransportAction.Deliver<ControlPacket> d -> {
                    if (delivered == null) delivered = new java.util.ArrayList<>(2);
                    delivered.add(d.message());
                }
                case TransportAction.ArmTimer<ControlPacket> t -> transportTimers.arm(t.timer(), t.after(),
                        () -> apply(transport.onTimer(t.timer(), engine.host().nanoTime())));
                case TransportAction.CancelTimer<ControlPacket> t -> transportTimers.cancel(t.timer());
                case TransportAction.PeerUnresponsive<ControlPacket> p -> peerUnresponsive();
                case TransportAction.Rejected<ControlPacket> r -> engine.log().warn("tunnel {}: control message not queued: {}",
                        localId, r.reason());
            }
        }
        if (delivered != null) {
            for (ControlPacket p : delivered) inbound.deliver(p);
        }
    }

    private void peerUnresponsive() {
        if (forcedEnd == null) {
            boolean hello = lastSentHello && fsm.state() == TunnelState.ESTABLISHED;
            forcedEnd = hello ? TunnelEnd.HELLO_TIMEOUT : TunnelEnd.PEER_UNRESPONSIVE;
        }
        handle(new TunnelEvent.PeerUnresponsive());
    }

    private void transmit(TransportAction.Transmit<ControlPacket> t) {
        ControlPacket q = t.message();
        ControlPacket wire = q == null
                ? new ControlPacket(fsm.peerTunnelId(), 0, t.ns(), t.nr(), List.of())
                : new ControlPacket(q.tunnelId(), q.sessionId(), t.ns(), t.nr(), q.avps());
        if (q == null) engine.stats().countSentZlb();
        engine.host().sendControl(peer, PacketEncoder.encodeControl(wire));
    }

    private void established(TunnelAction.Established est) {
        apply(transport.setPeerReceiveWindow(est.peerReceiveWindow(), engine.host().nanoTime()));
        upNanos = Math.max(1, engine.host().nanoTime());
        engine.tunnelEstablished(this);
        engine.notify(() -> listener.tunnelUp(this));
        for (Session s : sessions.values()) {
            s.handle(new net.vpdn.l2tp.session.SessionEvent.TunnelUp());
        }
    }

    private void closing(TunnelAction.Closing c) {
        if (closingReported) return;
        closingReported = true;
        // RFC 2661 §5.7: a StopCCN clears every session without CDNs.
        Avp.ResultCode cause = new Avp.ResultCode(c.result().code(), c.error().code(), c.message());
        for (Session s : sessions.values()) {
            s.tunnelDown(cause, c.byPeer());
        }
        engine.tunnelClosing(this, cause, c.byPeer());
        engine.notify(() -> listener.tunnelDown(this, cause, c.byPeer()));
    }

    private void released() {
        if (released) return;
        released = true;
        if (!closingReported) {
            // Discarded without a StopCCN exchange (a lost tie break): its calls still end.
            if (forcedEnd == null) forcedEnd = TunnelEnd.TIE_BREAK_LOST;
            closing(new TunnelAction.Closing(StopCcnResult.GENERAL_ERROR, ErrorCode.NO_GENERAL_ERROR,
                    "tunnel discarded: lost the tie break to the peer's tunnel", false));
        }
        fsmTimers.cancelAll();
        transportTimers.cancelAll();
        engine.tunnelReleased(this);
    }

    void sessionReleased(Session s) {
        sessions.remove(s.localId());
        engine.sessionReleased(this, s);
    }

    Session session(int id) { return sessions.get(id); }
    void addSession(Session s) { sessions.put(s.localId(), s); }
    TunnelSecret secret() { return secret; }
    L2tpEngine engine() { return engine; }
    net.vpdn.l2tp.session.IdAllocator sessionIds() { return sessionIds; }
    boolean wasEstablished() { return upNanos != 0; }
    TunnelEnd endCause(Avp.ResultCode cause, boolean byPeer) { return TunnelEnd.of(forcedEnd, cause, byPeer); }
    void setSecret(TunnelSecret secret) { this.secret = secret; }
    TunnelFsm fsm() { return fsm; }

    // ---- timers ------------------------------------------------------------------------------

    private void armFsmTimer(TunnelTimer t, Duration after) {
        if (t == TunnelTimer.HELLO) dataAtHelloArm = dataActivity;
        fsmTimers.arm(t, after, () -> {
            if (t == TunnelTimer.HELLO && dataActivity != dataAtHelloArm) {
                // Data arrived during the interval: the peer is alive (RFC 2661 §6.5 counts data
                // as well as control), so wait another interval instead of sending HELLO.
                armFsmTimer(t, after);
                return;
            }
            handle(new TunnelEvent.TimerFired(t));
        });
    }

    /** Called by the data path for every data message accepted on one of this tunnel's sessions. */
    void dataReceived() {
        dataActivity++;
    }

    @Override
    public String toString() {
        return "Tunnel[local=" + localId + ", peer=" + peerId() + " " + peer + ", " + fsm.state() + "]";
    }
}
