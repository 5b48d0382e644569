package net.vpdn.l2tp.tunnel;

import static net.vpdn.l2tp.tunnel.TunnelFsm.Rule.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.wire.Bytes;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.MessageType;

/**
 * The control connection state machine, RFC 2661 §7.2, with tunnel authentication (§5.1.1),
 * HELLO keepalive (§5.5) and the StopCCN hold (§5.7). Pure: {@link #handle} returns actions and
 * never performs I/O, reads clocks or re-enters itself. Not thread-safe; one event loop owns it.
 *
 * <p>The received-message table is {@link #TABLE}: one row per state, one column per message kind.
 * "Send StopCCN, clean up" of §7.2 becomes CLOSING (StopCCN sent, hold running), then CLOSED.
 */
public final class TunnelFsm {

    /** Columns of {@link #TABLE}: the kinds of received message. */
    enum Input { SCCRQ, SCCRP, SCCCN, STOPCCN, HELLO, SESSION_MESSAGE }

    /** Named outcomes of the table's cells. */
    enum Rule {
        /** §7.2 idle: SCCRQ, answered with SCCRP or StopCCN when not acceptable. */
        ACCEPT_SCCRQ,
        /** §7.2 wait-ctl-reply: SCCRP, answered with SCCCN or StopCCN when not acceptable. */
        ACCEPT_SCCRP,
        /** §7.2 wait-ctl-conn: SCCCN, established or StopCCN when not acceptable. */
        ACCEPT_SCCCN,
        /** StopCCN received: §5.7 hold, sessions cleared (§6.4). */
        PEER_STOP,
        /** Send StopCCN with result FSM_ERROR (7), then hold. */
        FSM_ERROR,
        /** Clean up without sending: §7.2 "idle, Receive SCCCN / StopCCN". */
        CLEAN_UP,
        /** No action, same state. */
        IGNORE
    }

    private static final Map<TunnelState, Rule[]> TABLE = new EnumMap<>(TunnelState.class);

    static {
        //                                    SCCRQ         SCCRP         SCCCN         STOPCCN    HELLO   SESSION
        row(TunnelState.IDLE,                 ACCEPT_SCCRQ, FSM_ERROR,    CLEAN_UP,     CLEAN_UP,  IGNORE, IGNORE);
        // An SCCRQ never reaches an initiating tunnel: the engine resolves collisions (TieBreakOutcome).
        row(TunnelState.WAIT_CTL_REPLY,       FSM_ERROR,    ACCEPT_SCCRP, FSM_ERROR,    PEER_STOP, IGNORE, FSM_ERROR);
        row(TunnelState.WAIT_CTL_CONN,        FSM_ERROR,    FSM_ERROR,    ACCEPT_SCCCN, PEER_STOP, IGNORE, FSM_ERROR);
        row(TunnelState.ESTABLISHED,          FSM_ERROR,    FSM_ERROR,    FSM_ERROR,    PEER_STOP, IGNORE, IGNORE);
        row(TunnelState.CLOSING,              IGNORE,       IGNORE,       IGNORE,       IGNORE,    IGNORE, IGNORE);
        row(TunnelState.CLOSED,               IGNORE,       IGNORE,       IGNORE,       IGNORE,    IGNORE, IGNORE);
    }

    private static void row(TunnelState s, Rule... cells) {
        if (cells.length != Input.values().length) throw new IllegalStateException("row " + s + " is incomplete");
        TABLE.put(s, cells);
    }

    /** The table's cell, for tests and diagnostics. */
    static Rule rule(TunnelState state, Input input) {
        return TABLE.get(state)[input.ordinal()];
    }

    private final TunnelRole role;
    private final int localTunnelId;
    private final TunnelParams params;
    private final RandomSource random;
    private final TunnelAcceptor acceptor;
    private final OptionalLong tieBreaker;
    private final PeerInfo peer = new PeerInfo();

    private TunnelState state = TunnelState.IDLE;
    private TunnelSecret secret;
    private Bytes ourChallenge;

    /** A tunnel whose SCCRQ carries no Tie Breaker. {@code acceptor} is used by responders only (null = accept all). */
    public TunnelFsm(TunnelRole role, int localTunnelId, TunnelParams params, RandomSource random,
                     TunnelAcceptor acceptor) {
        this(role, localTunnelId, params, random, acceptor, false);
    }

    /** As above; an initiator with {@code sendTieBreaker} draws a Tie Breaker from {@code random} for its SCCRQ. */
    public TunnelFsm(TunnelRole role, int localTunnelId, TunnelParams params, RandomSource random,
                     TunnelAcceptor acceptor, boolean sendTieBreaker) {
        if (localTunnelId < 1 || localTunnelId > 0xFFFF) {
            throw new IllegalArgumentException("local tunnel id must be 1..65535, was " + localTunnelId);
        }
        this.role = Objects.requireNonNull(role, "role");
        this.localTunnelId = localTunnelId;
        this.params = Objects.requireNonNull(params, "params");
        this.random = Objects.requireNonNull(random, "random");
        this.acceptor = acceptor == null ? TunnelAcceptor.acceptAll() : acceptor;
        this.tieBreaker = sendTieBreaker && role == TunnelRole.INITIATOR
                ? OptionalLong.of(random.nextLong()) : OptionalLong.empty();
        this.secret = params.secret();
    }

    public TunnelState state() { return state; }
    public TunnelRole role() { return role; }
    public int localTunnelId() { return localTunnelId; }
    /** The peer's Assigned Tunnel ID, 0 until known. */
    public int peerTunnelId() { return peer.tunnelId; }
    /** The peer's Host Name, {@code null} until known. */
    public String peerHostName() { return peer.hostName; }
    /** The peer's Receive Window Size (4 until known or when absent, §4.4.3), for the transport. */
    public int peerReceiveWindow() { return peer.receiveWindow; }
    /** The Tie Breaker our SCCRQ carries, if any. */
    public OptionalLong tieBreaker() { return tieBreaker; }

    /** Runs one event through the machine. */
    public List<TunnelAction> handle(TunnelEvent event) {
        return switch (event) {
            case TunnelEvent.Open o -> onOpen();
            case TunnelEvent.Received r -> onReceived(r.msg());
            case TunnelEvent.Close c -> onLocalClose(c.result(), c.error(), c.message(), null);
            case TunnelEvent.InvalidMessage i -> onLocalClose(i.result(), i.error(), i.message(), i.offending());
            case TunnelEvent.TimerFired t -> onTimer(t.timer());
            case TunnelEvent.PeerUnresponsive p -> onPeerUnresponsive();
            case TunnelEvent.ActivityReceived a -> onActivity();
            case TunnelEvent.LostTieBreak l -> onLostTieBreak();
        };
    }

    private List<TunnelAction> onOpen() {
        if (state != TunnelState.IDLE) return List.of();
        if (role != TunnelRole.INITIATOR) throw new IllegalStateException("only an initiator opens a tunnel");
        ourChallenge = wantChallenge() ? newChallenge() : null;
        Long tb = tieBreaker.isPresent() ? tieBreaker.getAsLong() : null;
        state = TunnelState.WAIT_CTL_REPLY;
        return List.of(new TunnelAction.Send(TunnelMessages.sccrq(params, localTunnelId, ourChallenge, tb), false));
    }

    private List<TunnelAction> onReceived(ControlMessage m) {
        return switch (rule(state, inputOf(m.type()))) {
            case ACCEPT_SCCRQ -> acceptSccrq(m);
            case ACCEPT_SCCRP -> acceptSccrp(m);
            case ACCEPT_SCCCN -> acceptScccn(m);
            case PEER_STOP -> peerStop(m);
            case FSM_ERROR -> {
                adoptPeerTunnelId(m);
                yield stop(StopCcnResult.FSM_ERROR, ErrorCode.NO_GENERAL_ERROR.code(),
                        "unexpected " + m.type() + " in state " + state);
            }
            case CLEAN_UP -> closedNow();
            case IGNORE -> List.of();
        };
    }

    private static Input inputOf(MessageType t) {
        return switch (t) {
            case SCCRQ -> Input.SCCRQ;
            case SCCRP -> Input.SCCRP;
            case SCCCN -> Input.SCCCN;
            case STOPCCN -> Input.STOPCCN;
            case HELLO -> Input.HELLO;
            case OCRQ, OCRP, OCCN, ICRQ, ICRP, ICCN, CDN, WEN, SLI -> Input.SESSION_MESSAGE;
        };
    }

    private List<TunnelAction> acceptSccrq(ControlMessage m) {
        peer.adopt(m);
        Optional<List<TunnelAction>> refusal = checkStart(m);
        if (refusal.isPresent()) return refusal.get();
        switch (acceptor.decide(peer.hostName)) {
            case AcceptDecision.Reject r -> {
                return stop(r.result(), r.error().code(), r.message());
            }
            case AcceptDecision.Accept a -> {
                if (a.secretOrNull() != null) secret = a.secretOrNull();
            }
        }
        Optional<Bytes> peerChallenge = m.find(Avp.Challenge.class).map(Avp.Challenge::challenge);
        if (peerChallenge.isPresent() && secret == null) return noSecretForPeerChallenge();
        Bytes response = peerChallenge.map(c -> TunnelAuth.response(MessageType.SCCRP, secret, c)).orElse(null);
        ourChallenge = wantChallenge() ? newChallenge() : null;
        state = TunnelState.WAIT_CTL_CONN;
        return List.of(new TunnelAction.Send(
                TunnelMessages.sccrp(params, localTunnelId, peer.tunnelId, ourChallenge, response), false));
    }

    private List<TunnelAction> acceptSccrp(ControlMessage m) {
        peer.adopt(m);
        Optional<List<TunnelAction>> refusal = checkStart(m);
        if (refusal.isPresent()) return refusal.get();
        refusal = checkResponse(m, MessageType.SCCRP);
        if (refusal.isPresent()) return refusal.get();
        Optional<Bytes> peerChallenge = m.find(Avp.Challenge.class).map(Avp.Challenge::challenge);
        if (peerChallenge.isPresent() && secret == null) return noSecretForPeerChallenge();
        Bytes response = peerChallenge.map(c -> TunnelAuth.response(MessageType.SCCCN, secret, c)).orElse(null);
        List<TunnelAction> out = new ArrayList<>();
        out.add(new TunnelAction.Send(TunnelMessages.scccn(peer.tunnelId, response), false));
        out.addAll(establish());
        return out;
    }

    private List<TunnelAction> acceptScccn(ControlMessage m) {
        Optional<List<TunnelAction>> refusal = checkResponse(m, MessageType.SCCCN);
        return refusal.orElseGet(this::establish);
    }

    /** Assigned Tunnel ID present and Protocol Version 1.0 (§4.4.3); result 5 carries 0x0100 (§4.4.2). */
    private Optional<List<TunnelAction>> checkStart(ControlMessage m) {
        if (peer.tunnelId == 0) {
            return Optional.of(stop(StopCcnResult.GENERAL_ERROR, ErrorCode.FIELD_OUT_OF_RANGE.code(),
                    m.type() + " lacks a non-zero Assigned Tunnel ID"));
        }
        Optional<Avp.ProtocolVersion> v = m.find(Avp.ProtocolVersion.class);
        if (v.isEmpty() || !v.get().equals(TunnelMessages.VERSION_1_0)) {
            String seen = v.map(x -> x.version() + "." + x.revision()).orElse("none");
            return Optional.of(stop(StopCcnResult.UNSUPPORTED_PROTOCOL_VERSION,
                    TunnelMessages.HIGHEST_SUPPORTED_VERSION, "protocol version " + seen + " not supported; 1.0 is"));
        }
        return Optional.empty();
    }

    /**
     * §5.1.1: when we challenged, the peer's response must be present and right, else StopCCN
     * result 4 "not authorized" (§4.4.2). xl2tpd sends result 2 / error 6 in this case; both are
     * only logged by peers, and 4 says what happened.
     */
    private Optional<List<TunnelAction>> checkResponse(ControlMessage m, MessageType carrier) {
        if (ourChallenge == null) return Optional.empty();
        Optional<Avp.ChallengeResponse> r = m.find(Avp.ChallengeResponse.class);
        if (r.isEmpty()) {
            return Optional.of(stop(StopCcnResult.NOT_AUTHORIZED, ErrorCode.NO_GENERAL_ERROR.code(),
                    carrier + " lacks the Challenge Response to our Challenge"));
        }
        if (!TunnelAuth.verify(carrier, secret, ourChallenge, r.get().response())) {
            return Optional.of(stop(StopCcnResult.NOT_AUTHORIZED, ErrorCode.NO_GENERAL_ERROR.code(),
                    "wrong Challenge Response in " + carrier));
        }
        return Optional.empty();
    }

    private List<TunnelAction> noSecretForPeerChallenge() {
        return stop(StopCcnResult.NOT_AUTHORIZED, ErrorCode.NO_GENERAL_ERROR.code(),
                "peer sent a Challenge but no secret is configured for it");
    }

    private List<TunnelAction> establish() {
        state = TunnelState.ESTABLISHED;
        List<TunnelAction> out = new ArrayList<>();
        out.add(peer.established());
        out.addAll(armHello());
        return out;
    }

    private List<TunnelAction> peerStop(ControlMessage m) {
        Avp.ResultCode rc = m.find(Avp.ResultCode.class).orElse(new Avp.ResultCode(
                StopCcnResult.GENERAL_ERROR.code(), -1, "StopCCN without Result Code"));
        List<TunnelAction> out = leaveEstablished();
        state = TunnelState.CLOSING;
        out.add(ResultCodes.closing(rc, true));
        out.add(new TunnelAction.ArmTimer(TunnelTimer.STOP_HOLD, params.stopHold()));
        return out;
    }

    private List<TunnelAction> onLocalClose(StopCcnResult result, ErrorCode error, String message,
                                            ControlMessage offending) {
        return switch (state) {
            case IDLE -> {
                if (offending != null) adoptPeerTunnelId(offending);
                yield peer.tunnelId == 0 ? closedNow() : stop(result, error.code(), message);
            }
            case WAIT_CTL_REPLY, WAIT_CTL_CONN, ESTABLISHED -> stop(result, error.code(), message);
            case CLOSING, CLOSED -> List.of();
        };
    }

    /** Sends StopCCN (urgent) and starts the §5.7 hold. */
    private List<TunnelAction> stop(StopCcnResult result, int errorCode, String message) {
        List<TunnelAction> out = leaveEstablished();
        state = TunnelState.CLOSING;
        out.add(new TunnelAction.Send(
                TunnelMessages.stopCcn(peer.tunnelId, localTunnelId, result.code(), errorCode, message), true));
        out.add(new TunnelAction.Closing(result, ResultCodes.errorOrNone(errorCode), message, false));
        out.add(new TunnelAction.ArmTimer(TunnelTimer.STOP_HOLD, params.stopHold()));
        return out;
    }

    private List<TunnelAction> onTimer(TunnelTimer timer) {
        return switch (timer) {
            case HELLO -> {
                if (state != TunnelState.ESTABLISHED) yield List.of();
                List<TunnelAction> out = new ArrayList<>();
                out.add(new TunnelAction.Send(TunnelMessages.hello(peer.tunnelId), true));
                out.addAll(armHello());
                yield out;
            }
            case STOP_HOLD -> state == TunnelState.CLOSING ? closedNow() : List.of();
        };
    }

    private List<TunnelAction> onPeerUnresponsive() {
        return switch (state) {
            case CLOSED -> List.of();
            case CLOSING -> closedNow();
            case IDLE, WAIT_CTL_REPLY, WAIT_CTL_CONN, ESTABLISHED -> {
                List<TunnelAction> out = leaveEstablished();
                out.add(new TunnelAction.Closing(StopCcnResult.GENERAL_ERROR, ErrorCode.NO_GENERAL_ERROR,
                        "peer unresponsive", false));
                out.addAll(closedNow());
                yield out;
            }
        };
    }

    private List<TunnelAction> onActivity() {
        return state == TunnelState.ESTABLISHED ? armHello() : List.of();
    }

    private List<TunnelAction> onLostTieBreak() {
        return state == TunnelState.WAIT_CTL_REPLY ? closedNow() : List.of();
    }

    private List<TunnelAction> closedNow() {
        state = TunnelState.CLOSED;
        return new ArrayList<>(List.of(new TunnelAction.Closed()));
    }

    private List<TunnelAction> leaveEstablished() {
        List<TunnelAction> out = new ArrayList<>();
        if (state == TunnelState.ESTABLISHED && helloEnabled()) out.add(new TunnelAction.CancelTimer(TunnelTimer.HELLO));
        return out;
    }

    private List<TunnelAction> armHello() {
        return helloEnabled() ? List.of(new TunnelAction.ArmTimer(TunnelTimer.HELLO, params.helloInterval()))
                : List.of();
    }

    private boolean helloEnabled() {
        return !params.helloInterval().isZero();
    }

    private boolean wantChallenge() {
        return secret != null && params.challengePeer();
    }

    private Bytes newChallenge() {
        byte[] c = new byte[TunnelAuth.CHALLENGE_LENGTH];
        random.nextBytes(c);
        return Bytes.of(c);
    }

    private void adoptPeerTunnelId(ControlMessage m) {
        if (peer.tunnelId == 0) {
            m.find(Avp.AssignedTunnelId.class).ifPresent(a -> peer.tunnelId = a.tunnelId());
        }
    }

    @Override
    public String toString() {
        return "TunnelFsm[" + role + ", local=" + localTunnelId + ", peer=" + peer.tunnelId + ", " + state + "]";
    }
}
