package net.vpdn.ppp.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthVerdict;
import net.vpdn.ppp.fsm.ControlProtocol;
import net.vpdn.ppp.fsm.CpEffect;
import net.vpdn.ppp.fsm.CpState;
import net.vpdn.ppp.lcp.LcpKeepalive;
import net.vpdn.ppp.lcp.LcpLayer;
import net.vpdn.ppp.proxy.ProxyAuth;
import net.vpdn.ppp.proxy.ProxyAuthKind;
import net.vpdn.ppp.proxy.ProxyLcp;
import net.vpdn.ppp.proxy.ProxyLcpAdoption;
import net.vpdn.ppp.proxy.ProxyLcpRecorder;
import net.vpdn.ppp.stats.NegotiationFailure;
import net.vpdn.ppp.stats.PppStats;
import net.vpdn.ppp.wire.CpCode;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.CpPacketCodec;
import net.vpdn.ppp.wire.Decoded;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppFrame;
import net.vpdn.ppp.wire.PppFrameCodec;
import net.vpdn.ppp.wire.PppFraming;
import net.vpdn.ppp.wire.PppProtocol;

/**
 * One PPP endpoint (RFC 1661 §3 phases): LCP, then authentication, then IPCP and IPv6CP, with
 * the echo keepalive, Protocol-Reject of what we do not run, and per-endpoint statistics.
 * In LAC mode it stops once the client's authentication data is in and hands off; on the LNS it
 * can start from proxied LCP and authentication (RFC 2661 §4.4.5).
 * Inputs are frames, timer expiries and verifier verdicts; outputs are {@link PppOutput}s.
 * Single-threaded: one instance per call, on the call's event loop.
 */
public final class PppSession {
    private final PppSessionConfig config;
    private final LcpLayer lcpLayer;
    private final ControlProtocol lcp;
    private final NcpDriver ncps;
    private final LcpKeepalive keepalive;
    private final AuthDriver auth;
    private final PppStats stats = new PppStats();
    private final ProxyLcpRecorder recorder = new ProxyLcpRecorder();
    private PppFraming framing = PppFraming.initial();
    private PppPhase phase = PppPhase.DEAD;
    private Optional<ProxyAuth> proxiedAuth = Optional.empty();
    private boolean handedOff;
    private long keepaliveToken;
    private int protocolRejectId;
    private final List<PppOutput> out = new ArrayList<>();
    private final Out sink = new Out() {
        @Override
        public void send(int protocol, CpPacket packet) {
            sendControl(protocol, packet);
        }

        @Override
        public void add(PppOutput output) {
            emit(output);
        }
    };

    public PppSession(PppSessionConfig config, PppRandom random) {
        this.config = Objects.requireNonNull(config, "config");
        this.lcpLayer = new LcpLayer(config.lcp(), random);
        this.lcp = new ControlProtocol(lcpLayer, config.controlProtocols());
        this.ncps = new NcpDriver(config, random, stats);
        this.keepalive = new LcpKeepalive(config.keepaliveInterval(), config.keepaliveMisses());
        this.auth = new AuthDriver(config, random);
    }

    public PppPhase phase() {
        return phase;
    }

    public PppStats stats() {
        return stats;
    }

    /** The LCP results so far (framing, MRU, magic numbers, authentication methods). */
    public LcpLayer lcp() {
        return lcpLayer;
    }

    /** True once a LAC-mode session handed the call off; it then ignores every input. */
    public boolean handedOff() {
        return handedOff;
    }

    /** The lower layer (the L2TP session) is up: start LCP. */
    public List<PppOutput> lowerUp() {
        return handle(() -> {
            enter(PppPhase.ESTABLISH);
            lcpEffects(lcp.open());
            lcpEffects(lcp.up());
        });
    }

    /**
     * LNS: the call arrived with proxy AVPs. Adopt the LAC's LCP state when the template accepts
     * it (then verify {@code proxied} authentication without a new challenge); otherwise
     * renegotiate LCP and authenticate afresh.
     */
    public List<PppOutput> lowerUpFromProxy(ProxyLcp proxiedLcp, Optional<ProxyAuth> proxied, boolean alwaysRenegotiate) {
        switch (ProxyLcpAdoption.decide(proxiedLcp, config.lcp(), alwaysRenegotiate)) {
            case ProxyLcpAdoption.Adopt adopt -> {
                return handle(() -> {
                    enter(PppPhase.ESTABLISH);
                    lcp.adoptOpened(adopt.ours(), adopt.theirs());
                    proxiedAuth = proxied;
                    lcpUp();
                });
            }
            case ProxyLcpAdoption.Renegotiate renegotiate -> {
                // The client may still repeat its Response to the LAC's Challenge: ours must not share its identifier.
                proxied.filter(p -> p.kind() == ProxyAuthKind.CHAP).ifPresent(p -> auth.continueChapAfter(p.identifier()));
                return lowerUp();
            }
        }
    }

    /** The lower layer went away: everything stops without packets. */
    public List<PppOutput> lowerDown() {
        return handle(() -> lcpEffects(lcp.down()));
    }

    /** Administrative close: Terminate-Request to the peer. */
    public List<PppOutput> close() {
        return handle(() -> lcpEffects(lcp.close()));
    }

    /** A verdict for a {@link PppOutput.Verify} with {@code attempt}. */
    public List<PppOutput> verdict(long attempt, AuthVerdict verdict) {
        return handle(() -> afterAuth(auth.verdict(attempt, verdict, sink)));
    }

    /** RFC 1994 §2 periodic re-challenge, when the shell's own schedule says so. */
    public List<PppOutput> rechallenge() {
        return handle(() -> {
            if (phase == PppPhase.NETWORK) {
                auth.rechallenge(sink);
            }
        });
    }

    /** A timer armed by an {@link PppOutput.ArmTimer} expired. */
    public List<PppOutput> timer(PppTimer timer, long token) {
        return handle(() -> {
            switch (timer) {
                case LCP_RESTART -> lcpEffects(lcp.timeout(token));
                case IPCP_RESTART, IPV6CP_RESTART -> ncps.timer(timer, token, sink);
                case AUTHENTICATOR, AUTH_PEER -> afterAuth(auth.timer(timer, token, sink));
                case KEEPALIVE -> keepaliveTick(token);
            }
        });
    }

    /** An encoded frame from the peer. */
    public List<PppOutput> receive(byte[] frame) {
        return handle(() -> {
            switch (PppFrameCodec.decode(frame, framing)) {
                case Decoded.Ok<PppFrame> ok -> {
                    stats.received(ok.value().protocol(), frame.length);
                    dispatch(ok.value());
                }
                case Decoded.Malformed<PppFrame> m -> stats.drop(m.reason());
            }
        });
    }

    /** A network-layer packet to send to the peer; dropped unless its NCP is open. */
    public List<PppOutput> sendData(PppProtocol protocol, Octets packet) {
        return handle(() -> {
            if (ncps.isOpen(protocol.number())) {
                sendFrame(new PppFrame(protocol.number(), packet));
            }
        });
    }

    private void dispatch(PppFrame frame) {
        int protocol = frame.protocol();
        if (protocol != PppProtocol.LCP.number()) {
            keepalive.onTraffic();
        }
        Optional<CpPacket> packet = protocol >= 0x8000 ? controlPacket(frame) : Optional.empty();
        if (protocol >= 0x8000 && packet.isEmpty()) {
            return;
        }
        if (protocol == PppProtocol.LCP.number()) {
            receiveLcp(packet.get());
        } else if (protocol == PppProtocol.PAP.number() || protocol == PppProtocol.CHAP.number()) {
            if (phase == PppPhase.AUTHENTICATE || phase == PppPhase.NETWORK) {
                afterAuth(auth.receive(protocol, packet.get(), sink));
            }
        } else if (phase == PppPhase.NETWORK && !ncps.receive(frame, packet, sink)) {
            protocolReject(frame);
        }
        // §3.5: anything else before the Network phase is silently discarded.
    }

    private Optional<CpPacket> controlPacket(PppFrame frame) {
        return switch (CpPacketCodec.decode(frame.information())) {
            case Decoded.Ok<CpPacket> ok -> Optional.of(ok.value());
            case Decoded.Malformed<CpPacket> m -> {
                stats.drop(m.reason());
                yield Optional.empty();
            }
        };
    }

    private void receiveLcp(CpPacket packet) {
        recorder.received(packet);
        if (packet.is(CpCode.ECHO_REPLY)) {
            keepalive.onEchoReply(packet);
        }
        if (packet.is(CpCode.PROTOCOL_REJECT) && packet.data().length() >= 2) {
            ncps.rejected(packet.data().u16(0), sink);
        }
        lcpEffects(lcp.receive(packet));
    }

    /** RFC 1661 §5.7: the rejected protocol, then as much of its information as fits the peer's MRU. */
    private void protocolReject(PppFrame frame) {
        int room = Math.max(0, lcpLayer.negotiated().peerMru() - CpPacket.HEADER_LENGTH - 2);
        int keep = Math.min(room, frame.information().length());
        byte[] data = new byte[2 + keep];
        data[0] = (byte) (frame.protocol() >>> 8);
        data[1] = (byte) frame.protocol();
        frame.information().slice(0, keep).copyTo(data, 2);
        protocolRejectId = (protocolRejectId + 1) & 0xFF;
        sendControl(PppProtocol.LCP.number(), CpPacket.of(CpCode.PROTOCOL_REJECT, protocolRejectId, Octets.of(data)));
    }

    private void lcpEffects(List<CpEffect> effects) {
        for (CpEffect e : effects) {
            switch (e) {
                case CpEffect.Send s -> sendControl(s.protocol(), s.packet());
                case CpEffect.ArmRestartTimer a -> out.add(new PppOutput.ArmTimer(PppTimer.LCP_RESTART, a.after(), a.token()));
                case CpEffect.CancelRestartTimer c -> out.add(new PppOutput.CancelTimer(PppTimer.LCP_RESTART));
                case CpEffect.LayerUp u -> lcpUp();
                case CpEffect.LayerDown d -> lcpDown();
                case CpEffect.LayerFinished f -> linkFinished(f);
                case CpEffect.LayerStarted s -> { }
                case CpEffect.IllegalEvent i -> { }
                case CpEffect.Dropped d -> { }
            }
        }
    }

    private void lcpUp() {
        framing = lcpLayer.negotiated().framing();
        if (lcpLayer.loopedBack()) {
            fail(NegotiationFailure.LOOPBACK);
            return;
        }
        enter(PppPhase.AUTHENTICATE);
        if (config.lacMode() && lcpLayer.negotiated().authOfPeer().isEmpty()) {
            handOff(Optional.empty());
            return;
        }
        if (keepalive.enabled()) {
            keepalive.start();
            out.add(new PppOutput.ArmTimer(PppTimer.KEEPALIVE, keepalive.interval(), ++keepaliveToken));
        }
        afterAuth(auth.start(lcpLayer.negotiated().authOfPeer(), lcpLayer.negotiated().authOfUs(), proxiedAuth, sink));
    }

    private void lcpDown() {
        keepalive.stop();
        out.add(new PppOutput.CancelTimer(PppTimer.KEEPALIVE));
        ncps.down(sink);
        auth.stop(sink);
        framing = PppFraming.initial();
        // tld while renegotiating (peer's new Configure-Request) returns to Establish, else we terminate.
        CpState now = lcp.state();
        boolean renegotiating = now == CpState.REQ_SENT || now == CpState.ACK_RCVD || now == CpState.ACK_SENT;
        enter(renegotiating ? PppPhase.ESTABLISH : PppPhase.TERMINATE);
    }

    private void linkFinished(CpEffect.LayerFinished f) {
        Optional<NegotiationFailure> failure = switch (f.cause()) {
            // A looped-back line shows first as our own Magic-Number coming back; whatever else
            // went wrong on it (our own Reject of our own Auth-Protocol, say) is its consequence.
            case TO_MINUS -> f.from() == CpState.CLOSING || f.from() == CpState.STOPPING
                    ? Optional.empty() : Optional.of(lcpLayer.loopedBack() ? NegotiationFailure.LOOPBACK
                            : lcpLayer.authRefusedByPeer()
                            ? NegotiationFailure.AUTH_METHOD_REFUSED : NegotiationFailure.LCP_TIMEOUT);
            case RXJ_MINUS -> Optional.of(NegotiationFailure.CATASTROPHIC_REJECT);
            default -> Optional.empty();
        };
        failure.ifPresent(stats::fail);
        enter(PppPhase.DEAD);
        out.add(new PppOutput.LinkDown(failure, "LCP finished on " + f.cause() + " from " + f.from()));
    }

    private void afterAuth(AuthDriver.Status status) {
        if (status == AuthDriver.Status.FAILED && (phase == PppPhase.AUTHENTICATE || phase == PppPhase.NETWORK)) {
            fail(NegotiationFailure.AUTH_FAILED);
        } else if (status == AuthDriver.Status.SUCCEEDED && phase == PppPhase.AUTHENTICATE) {
            enter(PppPhase.NETWORK);
            ncps.start(sink);
        }
    }

    private void fail(NegotiationFailure reason) {
        stats.fail(reason);
        lcpEffects(lcp.close());
    }

    private void keepaliveTick(long token) {
        if (token != keepaliveToken) {
            return;
        }
        switch (keepalive.onTick(lcpLayer.negotiated().localMagic())) {
            case LcpKeepalive.SendEcho echo -> {
                sendControl(PppProtocol.LCP.number(), echo.request());
                out.add(new PppOutput.ArmTimer(PppTimer.KEEPALIVE, keepalive.interval(), ++keepaliveToken));
            }
            case LcpKeepalive.DeadPeer dead -> {
                stats.fail(NegotiationFailure.DEAD_PEER);
                // A dead peer will not ack a Terminate-Request: treat the lower layer as gone.
                lcpEffects(lcp.down());
                enter(PppPhase.DEAD);
                out.add(new PppOutput.LinkDown(Optional.of(NegotiationFailure.DEAD_PEER), dead.misses() + " echoes unanswered"));
            }
            case LcpKeepalive.Idle idle -> out.add(new PppOutput.ArmTimer(PppTimer.KEEPALIVE, keepalive.interval(), ++keepaliveToken));
        }
    }

    /** LAC mode: the client's credentials are in; export the proxy AVP values and go quiet. */
    private void handOff(Optional<ProxyAuth> proxyAuth) {
        handedOff = true;
        keepalive.stop();
        out.add(new PppOutput.CancelTimer(PppTimer.KEEPALIVE));
        out.add(new PppOutput.CancelTimer(PppTimer.AUTHENTICATOR));
        out.add(new PppOutput.HandOff(recorder.export().orElseThrow(), proxyAuth));
    }

    private void sendControl(int protocol, CpPacket packet) {
        if (protocol == PppProtocol.LCP.number()) {
            recorder.sent(packet);
        }
        sendFrame(new PppFrame(protocol, CpPacketCodec.encode(packet)));
    }

    /** In LAC mode a Verify becomes the hand-off: the LNS verifies, not us. */
    private void emit(PppOutput output) {
        if (config.lacMode() && output instanceof PppOutput.Verify v) {
            handOff(ProxyAuth.from(v.request()));
        } else {
            out.add(output);
        }
    }

    private void sendFrame(PppFrame frame) {
        byte[] bytes = PppFrameCodec.encode(frame, framing);
        stats.sent(frame.protocol(), bytes.length);
        out.add(new PppOutput.SendFrame(frame.protocol(), Octets.of(bytes)));
    }

    private void enter(PppPhase next) {
        if (phase != next) {
            phase = next;
            out.add(new PppOutput.PhaseChanged(next));
        }
    }

    /** Runs one input; the outputs it produced. The one output list is reused and left empty between inputs. */
    private List<PppOutput> handle(Runnable input) {
        out.clear();
        if (!handedOff) {
            input.run();
        }
        List<PppOutput> outputs = List.copyOf(out);
        out.clear();
        return outputs;
    }
}
