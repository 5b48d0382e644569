package net.vpdn.ppp.fsm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.vpdn.ppp.wire.CpCode;
import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.CpOptions;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.CpPacketCodec;
import net.vpdn.ppp.wire.Decoded;
import net.vpdn.ppp.wire.Octets;

/**
 * One running control protocol (LCP, IPCP or IPv6CP): the {@link Rfc1661Automaton} plus the
 * Restart timer, restart and failure counters and packet identifiers of RFC 1661 §4.6 and §5.
 * Each input returns the effects to perform, in order; no clock, timer or I/O is touched here.
 * Not thread-safe: one instance lives on one event loop.
 */
public final class ControlProtocol {
    private final CpLayer layer;
    private final CpConfig config;
    /** Discards by reason, allocated at the first discard (most sessions never have one). */
    private long[] drops;

    private CpState state = CpState.INITIAL;
    private int restartCount;
    private int naksSent;
    private int nextId = 1;
    private CpPacket lastRequest;
    private int terminateId = -1;
    private boolean timerArmed;
    private long timerToken;
    private List<CpEffect> out;

    public ControlProtocol(CpLayer layer, CpConfig config) {
        this.layer = Objects.requireNonNull(layer, "layer");
        this.config = Objects.requireNonNull(config, "config");
    }

    public CpState state() {
        return state;
    }

    /** The current restart counter (Max-Configure or Max-Terminate, counted down). */
    public int restartCount() {
        return restartCount;
    }

    /** How many packets were discarded for {@code reason} so far. */
    public long drops(CpDropReason reason) {
        return drops == null ? 0 : drops[reason.ordinal()];
    }

    /** Up: the lower layer is ready. */
    public List<CpEffect> up() {
        return run(CpEvent.UP, null, null);
    }

    /** Down: the lower layer is gone. */
    public List<CpEffect> down() {
        return run(CpEvent.DOWN, null, null);
    }

    /** Open: the administrator (or the phase above) wants the link. */
    public List<CpEffect> open() {
        return run(CpEvent.OPEN, null, null);
    }

    /** Close: the administrator wants the link closed. */
    public List<CpEffect> close() {
        return run(CpEvent.CLOSE, null, null);
    }

    /**
     * Enters Opened without an exchange, from LCP state a LAC negotiated and proxied
     * (RFC 2661 §4.4.5): {@code ours} is the request the LAC sent (now ours), {@code theirs} the
     * last request it received. Only from Initial or Closed; no This-Layer-Up is reported, the
     * caller moves straight on to the next phase.
     *
     * @throws IllegalStateException in any other state (a wiring error)
     */
    public void adoptOpened(List<CpOption> ours, List<CpOption> theirs) {
        if (state != CpState.INITIAL && state != CpState.CLOSED) {
            throw new IllegalStateException("cannot adopt proxied state in " + state);
        }
        layer.onOurRequestAcked(ours);
        layer.onPeerRequestAcked(theirs);
        lastRequest = CpPacket.of(CpCode.CONFIGURE_REQUEST, takeId(), CpOptions.encode(ours));
        state = CpState.OPENED;
    }

    /** The Restart timer armed with {@code token} expired; stale tokens are ignored. */
    public List<CpEffect> timeout(long token) {
        if (!timerArmed || token != timerToken) {
            return List.of();
        }
        timerArmed = false;
        return run(restartCount > 0 ? CpEvent.TO_PLUS : CpEvent.TO_MINUS, null, null);
    }

    /** A packet of this layer's protocol arrived. */
    public List<CpEffect> receive(CpPacket packet) {
        return switch (CpCode.of(packet.code()).orElse(null)) {
            case CONFIGURE_REQUEST -> receiveConfigureRequest(packet);
            case CONFIGURE_ACK -> receiveConfigureAck(packet);
            case CONFIGURE_NAK, CONFIGURE_REJECT -> receiveNakOrReject(packet);
            case TERMINATE_REQUEST -> run(CpEvent.RTR, packet, null);
            case TERMINATE_ACK -> run(CpEvent.RTA, packet, null);
            case CODE_REJECT -> receiveCodeReject(packet);
            case null -> run(CpEvent.RUC, packet, null);
            case PROTOCOL_REJECT, ECHO_REQUEST, ECHO_REPLY, DISCARD_REQUEST -> receiveOther(packet);
        };
    }

    private List<CpEffect> receiveConfigureRequest(CpPacket packet) {
        if (!(CpOptions.parse(packet.data()) instanceof Decoded.Ok<List<CpOption>> ok)) {
            return dropped(CpDropReason.MALFORMED_OPTIONS, "Configure-Request id " + packet.identifier());
        }
        RequestVerdict verdict = withMaxFailure(layer.judge(ok.value()), ok.value());
        return run(verdict instanceof RequestVerdict.Ack ? CpEvent.RCR_PLUS : CpEvent.RCR_MINUS, packet, verdict);
    }

    /** RFC 1661 §4.6 Max-Failure: after that many Naks without an Ack, Nak becomes Reject. */
    private RequestVerdict withMaxFailure(RequestVerdict verdict, List<CpOption> peerOptions) {
        if (verdict instanceof RequestVerdict.Nak nak && naksSent >= config.maxFailure()) {
            List<CpOption> rejected = new ArrayList<>();
            for (CpOption o : peerOptions) {
                if (nak.suggestions().stream().anyMatch(s -> s.type() == o.type())) {
                    rejected.add(o);
                }
            }
            // A Nak may suggest an option the peer did not send; with nothing to reject, keep the Nak.
            return rejected.isEmpty() ? verdict : new RequestVerdict.Reject(rejected);
        }
        return verdict;
    }

    private List<CpEffect> receiveConfigureAck(CpPacket packet) {
        if (lastRequest == null || packet.identifier() != lastRequest.identifier()) {
            return dropped(CpDropReason.REPLY_ID_MISMATCH, "Configure-Ack id " + packet.identifier());
        }
        if (!packet.data().equals(lastRequest.data())) {
            return dropped(CpDropReason.ACK_CONTENT_MISMATCH, "Configure-Ack id " + packet.identifier());
        }
        if (state == CpState.REQ_SENT || state == CpState.ACK_SENT) {
            layer.onOurRequestAcked(CpOptions.parse(packet.data()).orThrow());
        }
        return run(CpEvent.RCA, packet, null);
    }

    private List<CpEffect> receiveNakOrReject(CpPacket packet) {
        if (lastRequest == null || packet.identifier() != lastRequest.identifier()) {
            return dropped(CpDropReason.REPLY_ID_MISMATCH, "Configure-Nak/Reject id " + packet.identifier());
        }
        if (!(CpOptions.parse(packet.data()) instanceof Decoded.Ok<List<CpOption>> ok)) {
            return dropped(CpDropReason.MALFORMED_OPTIONS, "Configure-Nak/Reject id " + packet.identifier());
        }
        if (negotiating()) {
            boolean valid = packet.is(CpCode.CONFIGURE_NAK) ? layer.applyNak(ok.value()) : layer.applyReject(ok.value());
            if (!valid) {
                return dropped(CpDropReason.INVALID_NAK_OR_REJECT, "code " + packet.code() + " id " + packet.identifier());
            }
        }
        return run(CpEvent.RCN, packet, null);
    }

    private boolean negotiating() {
        return inNegotiation(state) || state == CpState.OPENED;
    }

    private static boolean inNegotiation(CpState s) {
        return s == CpState.REQ_SENT || s == CpState.ACK_RCVD || s == CpState.ACK_SENT;
    }

    /** RFC 1661 §5.6: rejecting one of codes 1–7 is catastrophic; rejecting an extension is not. */
    private List<CpEffect> receiveCodeReject(CpPacket packet) {
        if (packet.data().isEmpty()) {
            return dropped(CpDropReason.MALFORMED_CODE_REJECT, "Code-Reject id " + packet.identifier() + " with no data");
        }
        int rejectedCode = packet.data().u8(0);
        boolean catastrophic = rejectedCode >= CpCode.CONFIGURE_REQUEST.value() && rejectedCode <= CpCode.CODE_REJECT.value();
        return run(catastrophic ? CpEvent.RXJ_MINUS : CpEvent.RXJ_PLUS, packet, null);
    }

    private List<CpEffect> receiveOther(CpPacket packet) {
        CpEvent event = switch (layer.classify(packet)) {
            case RXR -> CpEvent.RXR;
            case RXJ_PLUS -> CpEvent.RXJ_PLUS;
            case RXJ_MINUS -> CpEvent.RXJ_MINUS;
            case UNKNOWN -> CpEvent.RUC;
        };
        return run(event, packet, null);
    }

    private List<CpEffect> dropped(CpDropReason reason, String detail) {
        if (drops == null) drops = new long[CpDropReason.values().length];
        drops[reason.ordinal()]++;
        return List.of(new CpEffect.Dropped(reason, detail));
    }

    private List<CpEffect> run(CpEvent event, CpPacket trigger, RequestVerdict verdict) {
        out = new ArrayList<>();
        CpState from = state;
        switch (Rfc1661Automaton.step(state, event)) {
            case Transition.Illegal illegal -> out.add(new CpEffect.IllegalEvent(illegal.state(), illegal.event()));
            case Transition.Move move -> {
                state = move.next();
                boolean terminating = move.actions().contains(CpAction.STR);
                for (CpAction action : move.actions()) {
                    perform(action, event, from, trigger, verdict, terminating);
                }
                if (timerArmed && !state.restartTimerRuns()) {
                    timerArmed = false;
                    out.add(new CpEffect.CancelRestartTimer());
                }
            }
        }
        List<CpEffect> effects = List.copyOf(out);
        out = null; // not kept between inputs: the effects are the caller's now
        return effects;
    }

    private void perform(CpAction action, CpEvent event, CpState from, CpPacket trigger, RequestVerdict verdict,
                         boolean terminating) {
        switch (action) {
            case TLU -> out.add(new CpEffect.LayerUp(event));
            case TLD -> out.add(new CpEffect.LayerDown(event));
            case TLS -> out.add(new CpEffect.LayerStarted(event));
            case TLF -> out.add(new CpEffect.LayerFinished(event, from));
            case IRC -> {
                restartCount = terminating ? config.maxTerminate() : config.maxConfigure();
                // Max-Failure counts across one negotiation; only a fresh start resets it.
                if (!terminating && !inNegotiation(from)) {
                    naksSent = 0;
                }
            }
            case ZRC -> {
                restartCount = 0;
                armTimer();
            }
            case SCR -> sendConfigureRequest(event == CpEvent.TO_PLUS);
            case SCA -> sendConfigureAck(trigger);
            case SCN -> sendNakOrReject(trigger, verdict);
            case STR -> sendTerminateRequest(event == CpEvent.TO_PLUS);
            case STA -> send(CpPacket.of(CpCode.TERMINATE_ACK, trigger == null ? takeId() : trigger.identifier(), Octets.EMPTY));
            case SCJ -> sendCodeReject(trigger);
            case SER -> layer.echoReply(trigger).ifPresent(this::send);
        }
    }

    /** RFC 1661 §5.1: a retransmission may keep its Identifier; new contents always get a new one. */
    private void sendConfigureRequest(boolean retransmission) {
        if (!retransmission || lastRequest == null) {
            lastRequest = CpPacket.of(CpCode.CONFIGURE_REQUEST, takeId(), CpOptions.encode(layer.buildRequest()));
        }
        restartCount--;
        send(lastRequest);
        armTimer();
    }

    private void sendConfigureAck(CpPacket request) {
        layer.onPeerRequestAcked(CpOptions.parse(request.data()).orThrow());
        naksSent = 0;
        send(new CpPacket(CpCode.CONFIGURE_ACK.value(), request.identifier(), request.data()));
    }

    private void sendNakOrReject(CpPacket request, RequestVerdict verdict) {
        switch (verdict) {
            case RequestVerdict.Nak nak -> {
                naksSent++;
                send(CpPacket.of(CpCode.CONFIGURE_NAK, request.identifier(), CpOptions.encode(nak.suggestions())));
            }
            case RequestVerdict.Reject reject ->
                    send(CpPacket.of(CpCode.CONFIGURE_REJECT, request.identifier(), CpOptions.encode(reject.rejected())));
            case RequestVerdict.Ack ack -> throw new IllegalStateException("scn with an Ack verdict");
        }
    }

    private void sendTerminateRequest(boolean retransmission) {
        if (!retransmission || terminateId < 0) {
            terminateId = takeId();
        }
        restartCount--;
        send(CpPacket.of(CpCode.TERMINATE_REQUEST, terminateId, Octets.EMPTY));
        armTimer();
    }

    /** RFC 1661 §5.6: the rejected packet, truncated so that the Code-Reject fits the peer's MRU. */
    private void sendCodeReject(CpPacket rejected) {
        Octets whole = CpPacketCodec.encode(rejected);
        int keep = Math.min(whole.length(), config.maxRejectedPacketLength() - CpPacket.HEADER_LENGTH);
        send(CpPacket.of(CpCode.CODE_REJECT, takeId(), whole.slice(0, keep)));
    }

    private void send(CpPacket packet) {
        out.add(new CpEffect.Send(layer.protocol(), packet));
    }

    private void armTimer() {
        timerArmed = true;
        timerToken++;
        out.add(new CpEffect.ArmRestartTimer(config.restartTimer(), timerToken));
    }

    private int takeId() {
        int id = nextId;
        nextId = (nextId + 1) & 0xFF;
        return id;
    }
}
