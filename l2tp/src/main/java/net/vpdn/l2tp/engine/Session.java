package net.vpdn.l2tp.engine;

import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.l2tp.session.SessionAction;
import net.vpdn.l2tp.session.SessionEvent;
import net.vpdn.l2tp.session.SessionFsm;
import net.vpdn.l2tp.session.SessionRole;
import net.vpdn.l2tp.session.SessionState;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.MessageType;

/**
 * One call at run time: the shell around a {@link SessionFsm} that sends its messages through the
 * tunnel and tells the owner what happened. It also holds the data-plane state of the call (peer
 * session id, data sequence numbers, counters) that the I/O layer uses on every frame.
 */
public final class Session {
    private final Tunnel tunnel;
    private final int localId;
    private final SessionFsm fsm;
    private SessionListener listener;
    private volatile Object attachment;
    private boolean released;
    /** Set when the session ends because its tunnel did: that is the cause reported. */
    private Avp.ResultCode tunnelCause;
    private boolean tunnelCauseByPeer;
    private long upNanos;

    // Data plane, touched only on the engine's thread.
    private boolean sequencing;
    private int dataNs;
    private int dataNr;
    private long packetsIn, octetsIn, packetsOut, octetsOut;

    Session(Tunnel tunnel, int localId, SessionRole role, SessionListener listener) {
        this.tunnel = tunnel;
        this.localId = localId;
        this.listener = listener;
        this.fsm = new SessionFsm(role, localId, tunnel.engine().random());
    }

    /**
     * Answers a call request that never got a session (no free id, or AVPs that clear the call
     * at once) with a CDN addressed to the peer's session id.
     */
    static void refuseWithoutState(Tunnel tunnel, int peerSessionId, CdnResult result, ErrorCode error, String message) {
        var cdn = new ControlMessage(MessageType.CDN, tunnel.peerId(), peerSessionId, java.util.List.of(
                new Avp.ResultCode(result.code(), error.code(), message),
                new Avp.AssignedSessionId(0)));
        tunnel.send(cdn, false);
    }

    /** The Assigned Session ID of a call request whose AVPs did not type, or 0 if unreadable. */
    static int rawAssignedSessionId(net.vpdn.l2tp.wire.ControlPacket packet) {
        for (net.vpdn.l2tp.wire.RawAvp a : packet.avps()) {
            if (a.vendorId() == 0 && a.attributeType() == net.vpdn.l2tp.avp.AvpType.ASSIGNED_SESSION_ID.code()
                    && !a.hidden() && a.value().length() == 2) {
                return ((a.value().get(0) & 0xFF) << 8) | (a.value().get(1) & 0xFF);
            }
        }
        return 0;
    }

    public int localId() { return localId; }
    public int peerId() { return fsm.peerSessionId(); }
    public Tunnel tunnel() { return tunnel; }
    public SessionState state() { return fsm.state(); }
    public SessionRole role() { return fsm.role(); }
    public boolean isEstablished() { return fsm.state() == SessionState.ESTABLISHED; }
    public long uptimeNanos() { return upNanos == 0 ? 0 : tunnel.engine().host().nanoTime() - upNanos; }

    /** Arbitrary per-session state of the owner (the data-plane handler of the LAC or LNS). */
    public Object attachment() { return attachment; }
    public void attach(Object attachment) { this.attachment = attachment; }
    public void setListener(SessionListener listener) { this.listener = listener; }

    /** Accepts a call the peer placed (after {@link CallAcceptor#incomingCall}). */
    public void answer() {
        tunnel.engine().run(() -> handle(new SessionEvent.Answer()));
    }

    /** Refuses a call the peer placed. */
    public void reject(CdnResult result, ErrorCode error, String message) {
        tunnel.engine().run(() -> handle(new SessionEvent.Reject(result, error, message)));
    }

    /** The LAC's bearer answered an outgoing call (RFC 2661 §7.5): sends OCCN with {@code occn}. */
    public void bearerAnswered(CallParams occn) {
        tunnel.engine().run(() -> handle(new SessionEvent.BearerAnswered(occn)));
    }

    /** Sends Set-Link-Info (LNS to LAC, RFC 2661 §6.14) with the PPP-negotiated ACCM. */
    public void sendSetLinkInfo(long sendAccm, long receiveAccm) {
        tunnel.engine().run(() -> fsm.sendSetLinkInfo(sendAccm, receiveAccm).forEach(this::apply));
    }

    /** Sends WAN-Error-Notify (LAC to LNS, RFC 2661 §6.13). */
    public void sendWanErrorNotify(Avp.CallErrors errors) {
        tunnel.engine().run(() -> fsm.sendWanErrorNotify(errors).forEach(this::apply));
    }

    /** Clears the call with a CDN. */
    public void close(CdnResult result, ErrorCode error, String message) {
        tunnel.engine().run(() -> handle(new SessionEvent.Close(result, error, message)));
    }

    void handle(SessionEvent e) {
        for (SessionAction a : fsm.handle(e)) {
            apply(a);
        }
    }

    private void apply(SessionAction a) {
        switch (a) {
            case SessionAction.Send s -> tunnel.send(addressed(s.msg()), false);
            case SessionAction.IncomingCall c -> {
                CallAcceptor acceptor = tunnel.engine().callAcceptor();
                tunnel.engine().notify(() -> acceptor.incomingCall(this, c.params()));
            }
            case SessionAction.Established est -> {
                sequencing = est.sequencingRequired();
                upNanos = Math.max(1, tunnel.engine().host().nanoTime());
                tunnel.engine().sessionEstablished(this);
                tunnel.engine().notify(() -> listener.sessionUp(this, est.connectParams()));
            }
            case SessionAction.Closed c -> {
                if (tunnelCause != null) closed(tunnelCause, tunnelCauseByPeer);
                else closed(new Avp.ResultCode(c.resultCode(), c.errorCode(), c.message()), c.byPeer());
            }
            case SessionAction.LinkInfo li -> tunnel.engine().notify(() -> listener.linkInfo(this, li.sendAccm(), li.receiveAccm()));
            case SessionAction.WanError we -> tunnel.engine().notify(() -> listener.wanError(this, we.errors()));
        }
    }

    /** Messages from the session FSM carry our peer's tunnel id in the header. */
    private ControlMessage addressed(ControlMessage m) {
        return m.tunnelId() == tunnel.peerId() ? m
                : new ControlMessage(m.type(), tunnel.peerId(), m.sessionId(), m.avps());
    }

    /**
     * Whether the session ended with its tunnel (StopCCN or a dead peer) rather than by a CDN; the
     * cause {@link SessionListener#sessionDown} gives is then the tunnel's StopCCN result.
     */
    public boolean endedWithTunnel() {
        return tunnelCause != null;
    }

    /** The tunnel is going away: the session ends without a CDN (RFC 2661 §5.7). */
    void tunnelDown(Avp.ResultCode cause, boolean byPeer) {
        tunnelCause = cause;
        tunnelCauseByPeer = byPeer;
        handle(new SessionEvent.TunnelDown());
        closed(cause, byPeer);
    }

    private void closed(Avp.ResultCode cause, boolean byPeer) {
        if (released) return;
        released = true;
        tunnel.sessionReleased(this);
        tunnel.engine().sessionClosed(this, upNanos != 0);
        tunnel.engine().notify(() -> listener.sessionDown(this, cause, byPeer));
    }

    // ---- data plane (engine thread only) -----------------------------------------------------

    /** Whether data messages carry Ns/Nr (the peer sent Sequencing Required, RFC 2661 §5.4). */
    public boolean sequencing() { return sequencing; }

    /** The Ns for the next data message sent, advancing it. */
    public int nextDataNs() {
        int ns = dataNs;
        dataNs = (dataNs + 1) & 0xFFFF;
        return ns;
    }

    /** The data Nr to send: the next Ns expected from the peer. */
    public int dataNr() { return dataNr; }

    /**
     * Accounts a received data message; with sequencing, returns false for one that is older
     * than the last accepted (RFC 2661 §5.4 lets the receiver drop out-of-order data).
     */
    public boolean acceptData(boolean hasSequence, int ns, int octets) {
        if (sequencing && hasSequence) {
            if (((ns - dataNr) & 0xFFFF) >= 0x8000) return false;
            dataNr = (ns + 1) & 0xFFFF;
        }
        packetsIn++;
        octetsIn += octets;
        tunnel.dataReceived();
        return true;
    }

    /** Accounts a sent data message. */
    public void sentData(int octets) {
        packetsOut++;
        octetsOut += octets;
    }

    public long packetsIn() { return packetsIn; }
    public long octetsIn() { return octetsIn; }
    public long packetsOut() { return packetsOut; }
    public long octetsOut() { return octetsOut; }

    @Override
    public String toString() {
        return "Session[local=" + localId + ", peer=" + peerId() + ", tunnel=" + tunnel.localId() + ", " + fsm.state() + "]";
    }
}
