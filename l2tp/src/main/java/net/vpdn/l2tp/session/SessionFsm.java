package net.vpdn.l2tp.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.MessageType;

/**
 * One call's state machine, RFC 2661 §7.3-§7.5, for any of the four {@link SessionRole}s. Pure:
 * {@link #handle} returns actions. Received messages go through {@link SessionTable}.
 *
 * <p>Outgoing messages carry the peer's session id in the header (0 in ICRQ/OCRQ and in a CDN
 * sent before the peer's id is known) and tunnel id 0: the engine sets the peer's tunnel id.
 */
public final class SessionFsm {

    private final SessionRole role;
    private final int localSessionId;
    private final RandomSource random;

    private SessionState state = SessionState.IDLE;
    private int peerSessionId;
    private CallParams request = CallParams.EMPTY;
    private CallParams connect = CallParams.EMPTY;

    /** {@code random} draws the Call Serial Number when the Open's params carry none. */
    public SessionFsm(SessionRole role, int localSessionId, RandomSource random) {
        if (localSessionId < 1 || localSessionId > 0xFFFF) {
            throw new IllegalArgumentException("local session id must be 1..65535, was " + localSessionId);
        }
        this.role = Objects.requireNonNull(role, "role");
        this.localSessionId = localSessionId;
        this.random = Objects.requireNonNull(random, "random");
    }

    public SessionRole role() { return role; }
    public SessionState state() { return state; }
    public int localSessionId() { return localSessionId; }
    /** The peer's Assigned Session ID, 0 until known. */
    public int peerSessionId() { return peerSessionId; }

    /** Runs one event through the machine. */
    public List<SessionAction> handle(SessionEvent event) {
        return switch (event) {
            case SessionEvent.Open o -> onOpen(o);
            case SessionEvent.TunnelUp u -> onTunnelUp();
            case SessionEvent.TunnelDown d -> state == SessionState.CLOSED ? List.of()
                    : closed(CdnResult.GENERAL_ERROR.code(), ErrorCode.NO_CONTROL_CONNECTION.code(),
                    "tunnel closed", false);
            case SessionEvent.Received r -> onReceived(r.msg());
            case SessionEvent.Answer a -> onAnswer(a.reply());
            case SessionEvent.Reject r -> state == SessionState.WAIT_DECISION
                    ? sendCdn(r.result().code(), r.error().code(), r.message()) : List.of();
            case SessionEvent.BearerAnswered b -> onBearerAnswered(b.occn());
            case SessionEvent.Close c -> onLocalClose(c.result(), c.error(), c.message(), null);
            case SessionEvent.InvalidMessage i -> onLocalClose(i.result(), i.error(), i.message(), i.offending());
        };
    }

    /** LNS, established: send Set-Link-Info (§6.14). Empty when not established or on the LAC. */
    public List<SessionAction> sendSetLinkInfo(long sendAccm, long receiveAccm) {
        if (role.isLac() || state != SessionState.ESTABLISHED) return List.of();
        return List.of(new SessionAction.Send(SessionMessages.sli(peerSessionId, sendAccm, receiveAccm)));
    }

    /** LAC, established: send WAN-Error-Notify (§6.13). Empty when not established or on the LNS. */
    public List<SessionAction> sendWanErrorNotify(Avp.CallErrors errors) {
        if (!role.isLac() || state != SessionState.ESTABLISHED) return List.of();
        return List.of(new SessionAction.Send(SessionMessages.wen(peerSessionId, errors)));
    }

    private List<SessionAction> onOpen(SessionEvent.Open o) {
        if (state != SessionState.IDLE) return List.of();
        if (!role.isInitiator()) throw new IllegalStateException(role + " is opened by the peer's request");
        request = o.request();
        connect = o.connect();
        state = SessionState.WAIT_TUNNEL;
        return List.of();
    }

    private List<SessionAction> onTunnelUp() {
        if (state != SessionState.WAIT_TUNNEL) return List.of();
        long serial = request.callSerialNumber().orElseGet(() -> random.nextInt() & 0xFFFF_FFFFL);
        MessageType type = role == SessionRole.LAC_INCOMING ? MessageType.ICRQ : MessageType.OCRQ;
        state = SessionState.WAIT_REPLY;
        return List.of(new SessionAction.Send(SessionMessages.request(type, localSessionId, serial, request)));
    }

    private List<SessionAction> onAnswer(CallParams reply) {
        if (state != SessionState.WAIT_DECISION) return List.of();
        boolean incoming = role == SessionRole.LNS_INCOMING;
        state = incoming ? SessionState.WAIT_CONNECT : SessionState.WAIT_CS_ANSWER;
        MessageType type = incoming ? MessageType.ICRP : MessageType.OCRP;
        return List.of(new SessionAction.Send(SessionMessages.reply(type, peerSessionId, localSessionId, reply)));
    }

    private List<SessionAction> onBearerAnswered(CallParams occn) {
        if (state != SessionState.WAIT_CS_ANSWER) return List.of();
        state = SessionState.ESTABLISHED;
        CallParams ocrq = request;
        request = CallParams.EMPTY; // an established call keeps no setup AVPs (heap per session)
        return List.of(new SessionAction.Send(SessionMessages.connected(MessageType.OCCN, peerSessionId, occn)),
                new SessionAction.Established(peerSessionId, ocrq, occn.sequencingRequired()));
    }

    private List<SessionAction> onReceived(ControlMessage m) {
        return switch (SessionTable.rule(role, state, m.type())) {
            case LNS_ICRQ, LAC_OCRQ -> incomingRequest(m);
            case LAC_ICRP -> lacIcrp(m);
            case LNS_OCRP -> {
                if (!adoptPeerSessionId(m)) yield sendCdn(CdnResult.GENERAL_ERROR.code(),
                        ErrorCode.INVALID_SESSION_ID.code(), "OCRP lacks a non-zero Assigned Session ID");
                state = SessionState.WAIT_CONNECT;
                yield List.of();
            }
            case LNS_ICCN, LNS_OCCN -> {
                CallParams p = new CallParams(m.avps());
                state = SessionState.ESTABLISHED;
                request = CallParams.EMPTY; // an established call keeps no setup AVPs (heap per session)
                yield List.of(new SessionAction.Established(peerSessionId, p, p.sequencingRequired()));
            }
            case PEER_CDN -> peerCdn(m);
            case FSM_CDN -> {
                if (peerSessionId == 0) adoptPeerSessionId(m);
                yield sendCdn(CdnResult.GENERAL_ERROR.code(), ErrorCode.NO_GENERAL_ERROR.code(),
                        "unexpected " + m.type() + " in state " + state);
            }
            case CLEAN_UP -> closed(CdnResult.GENERAL_ERROR.code(), ErrorCode.NO_GENERAL_ERROR.code(),
                    "unexpected " + m.type() + " in state " + state, false);
            case NOTIFY_WEN -> m.find(Avp.CallErrors.class)
                    .<List<SessionAction>>map(e -> List.of(new SessionAction.WanError(e))).orElse(List.of());
            case NOTIFY_SLI -> m.find(Avp.Accm.class)
                    .<List<SessionAction>>map(a -> List.of(new SessionAction.LinkInfo(a.sendAccm(), a.receiveAccm())))
                    .orElse(List.of());
            case IGNORE -> List.of();
        };
    }

    /** ICRQ on the LNS or OCRQ on the LAC: the owner decides (admission control is outside). */
    private List<SessionAction> incomingRequest(ControlMessage m) {
        if (!adoptPeerSessionId(m)) {
            return closed(CdnResult.GENERAL_ERROR.code(), ErrorCode.INVALID_SESSION_ID.code(),
                    m.type() + " lacks a non-zero Assigned Session ID", false);
        }
        CallParams incoming = new CallParams(m.avps());
        if (role == SessionRole.LAC_OUTGOING) request = incoming; // reported again at OCCN; an LNS never needs it again
        state = SessionState.WAIT_DECISION;
        return List.of(new SessionAction.IncomingCall(incoming));
    }

    private List<SessionAction> lacIcrp(ControlMessage m) {
        if (!adoptPeerSessionId(m)) {
            return sendCdn(CdnResult.GENERAL_ERROR.code(), ErrorCode.INVALID_SESSION_ID.code(),
                    "ICRP lacks a non-zero Assigned Session ID");
        }
        state = SessionState.ESTABLISHED;
        CallParams iccn = connect;
        request = CallParams.EMPTY; // an established call keeps no setup AVPs (heap per session)
        connect = CallParams.EMPTY;
        return List.of(new SessionAction.Send(SessionMessages.connected(MessageType.ICCN, peerSessionId, iccn)),
                new SessionAction.Established(peerSessionId, new CallParams(m.avps()), iccn.sequencingRequired()));
    }

    private List<SessionAction> peerCdn(ControlMessage m) {
        Avp.ResultCode rc = m.find(Avp.ResultCode.class)
                .orElse(new Avp.ResultCode(CdnResult.GENERAL_ERROR.code(), -1, "CDN without Result Code"));
        return closed(rc.resultCode(), Math.max(rc.errorCode(), 0), rc.errorMessage(), true);
    }

    private List<SessionAction> onLocalClose(CdnResult result, ErrorCode error, String message,
                                             ControlMessage offending) {
        return switch (state) {
            case IDLE -> {
                if (offending != null) adoptPeerSessionId(offending);
                yield peerSessionId == 0 ? closed(result.code(), error.code(), message, false)
                        : sendCdn(result.code(), error.code(), message);
            }
            case WAIT_TUNNEL -> closed(result.code(), error.code(), message, false);
            case WAIT_REPLY, WAIT_DECISION, WAIT_CONNECT, WAIT_CS_ANSWER, ESTABLISHED ->
                    sendCdn(result.code(), error.code(), message);
            case CLOSED -> List.of();
        };
    }

    private List<SessionAction> sendCdn(int result, int error, String message) {
        List<SessionAction> out = new ArrayList<>();
        out.add(new SessionAction.Send(SessionMessages.cdn(peerSessionId, localSessionId, result, error, message)));
        out.addAll(closed(result, error, message, false));
        return out;
    }

    private List<SessionAction> closed(int result, int error, String message, boolean byPeer) {
        state = SessionState.CLOSED;
        return List.of(new SessionAction.Closed(result, error, message, byPeer));
    }

    private boolean adoptPeerSessionId(ControlMessage m) {
        int id = m.find(Avp.AssignedSessionId.class).map(Avp.AssignedSessionId::sessionId).orElse(0);
        if (id != 0) peerSessionId = id;
        return id != 0;
    }

    @Override
    public String toString() {
        return "SessionFsm[" + role + ", local=" + localSessionId + ", peer=" + peerSessionId + ", " + state + "]";
    }
}
