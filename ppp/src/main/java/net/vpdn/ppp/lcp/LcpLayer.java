package net.vpdn.ppp.lcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.fsm.CpLayer;
import net.vpdn.ppp.fsm.OtherCode;
import net.vpdn.ppp.fsm.RequestVerdict;
import net.vpdn.ppp.wire.CpCode;
import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppProtocol;

/**
 * LCP's options for the shared engine (RFC 1661 §6): MRU, ACCM, Authentication-Protocol,
 * Magic-Number with loopback detection, PFC and ACFC, plus the LCP-only codes 8–11.
 */
public final class LcpLayer implements CpLayer {
    private final LcpPolicy policy;
    private final PppRandom random;

    private int requestMru;
    private long magic;
    /** The Magic-Number in the request we last built (retransmissions repeat it). */
    private long sentMagic;
    private boolean askMagic;
    private boolean askPfc;
    private boolean askAcfc;
    private int authIndex;
    private boolean authRefusedByPeer;
    private int loopbackDetections;

    private int localMru = MruOption.DEFAULT;
    private long localMagic;
    private boolean rxPfc;
    private boolean rxAcfc;
    private Optional<AuthMethod> authOfPeer = Optional.empty();
    private int peerMru = MruOption.DEFAULT;
    private long peerMagic;
    private boolean txPfc;
    private boolean txAcfc;
    private Optional<AuthMethod> authOfUs = Optional.empty();

    public LcpLayer(LcpPolicy policy, PppRandom random) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
        this.requestMru = policy.requestMru();
        this.askMagic = policy.requestMagic();
        this.askPfc = policy.requestPfc();
        this.askAcfc = policy.requestAcfc();
        this.magic = newMagic();
    }

    @Override
    public int protocol() {
        return PppProtocol.LCP.number();
    }

    /** The agreed values so far (defaults for halves not yet acked). */
    public LcpNegotiated negotiated() {
        return new LcpNegotiated(localMru, peerMru, localMagic, peerMagic, rxPfc, rxAcfc, txPfc, txAcfc, authOfPeer, authOfUs);
    }

    /** True once Magic-Number collisions exceeded the policy: the link is looped back (RFC 1661 §6.4). */
    public boolean loopedBack() {
        return loopbackDetections > policy.maxLoopbackDetections();
    }

    /** True when the peer rejected every authentication method we require; the link must not open. */
    public boolean authRefusedByPeer() {
        return authRefusedByPeer;
    }

    /** The Magic-Number we currently put in requests and echoes. */
    public long magic() {
        return askMagic ? magic : 0;
    }

    @Override
    public List<CpOption> buildRequest() {
        List<LcpOption> options = new ArrayList<>();
        if (requestMru > 0) {
            options.add(new MruOption(requestMru));
        }
        if (authIndex < policy.authenticateWith().size()) {
            options.add(AuthProtocolOption.of(policy.authenticateWith().get(authIndex)));
        }
        if (askMagic) {
            sentMagic = magic;
            options.add(new MagicNumberOption(magic));
        }
        if (askPfc) {
            options.add(new PfcOption());
        }
        if (askAcfc) {
            options.add(new AcfcOption());
        }
        return options.stream().map(LcpOption::toCpOption).toList();
    }

    /** Judges the peer's request; a Magic-Number equal to ours means a possible loopback (§6.4). */
    @Override
    public RequestVerdict judge(List<CpOption> peerOptions) {
        List<CpOption> reject = new ArrayList<>();
        List<CpOption> nak = new ArrayList<>();
        for (CpOption raw : peerOptions) {
            switch (LcpOption.decode(raw)) {
                case MruOption m -> {
                    if (m.mru() < policy.minPeerMru() || m.mru() > policy.maxPeerMru()) {
                        int clamped = Math.clamp(m.mru(), policy.minPeerMru(), policy.maxPeerMru());
                        nak.add(new MruOption(clamped).toCpOption());
                    }
                }
                case AccmOption a -> { }
                case AuthProtocolOption a -> judgeAuth(a, raw, nak, reject);
                case MagicNumberOption m -> judgeMagic(m, nak);
                case PfcOption p -> {
                    if (!policy.acceptPfc()) {
                        reject.add(raw);
                    }
                }
                case AcfcOption a -> {
                    if (!policy.acceptAcfc()) {
                        reject.add(raw);
                    }
                }
                case UnknownLcpOption u -> reject.add(raw);
            }
        }
        if (!reject.isEmpty()) {
            return new RequestVerdict.Reject(reject);
        }
        return nak.isEmpty() ? new RequestVerdict.Ack() : new RequestVerdict.Nak(nak);
    }

    private void judgeAuth(AuthProtocolOption a, CpOption raw, List<CpOption> nak, List<CpOption> reject) {
        if (policy.authenticateAs().isEmpty()) {
            reject.add(raw);
        } else if (a.method().isEmpty() || !policy.authenticateAs().contains(a.method().get())) {
            nak.add(AuthProtocolOption.of(policy.authenticateAs().getFirst()).toCpOption());
        }
    }

    private void judgeMagic(MagicNumberOption m, List<CpOption> nak) {
        if (m.magic() == 0) {
            nak.add(new MagicNumberOption(newMagic()).toCpOption());
        } else if (askMagic && (m.magic() == magic || m.magic() == sentMagic)) {
            // sentMagic too: a request we retransmit unchanged still carries the magic we had
            // already replaced, and on a looped line it keeps coming back.
            loopbackDetections++;
            magic = newMagic();
            nak.add(new MagicNumberOption(newMagic()).toCpOption());
        }
    }

    @Override
    public boolean applyNak(List<CpOption> nakked) {
        for (CpOption raw : nakked) {
            switch (LcpOption.decode(raw)) {
                case MruOption m -> requestMru = m.mru();
                case MagicNumberOption m -> {
                    // §6.4: a Nak'd Magic-Number may mean a loopback; always pick a fresh one.
                    loopbackDetections++;
                    magic = newMagic();
                }
                case AuthProtocolOption a -> nextAuthMethod(a.method());
                case AccmOption a -> { }
                case PfcOption p -> { }
                case AcfcOption a -> { }
                case UnknownLcpOption u -> { }
            }
        }
        return true;
    }

    private void nextAuthMethod(Optional<AuthMethod> suggested) {
        List<AuthMethod> ours = policy.authenticateWith();
        if (suggested.isPresent() && ours.contains(suggested.get())) {
            authIndex = ours.indexOf(suggested.get());
        } else if (authIndex + 1 < ours.size()) {
            authIndex++;
        }
    }

    /** A Reject of Authentication-Protocol we require is refused: the link must not open unauthenticated. */
    @Override
    public boolean applyReject(List<CpOption> rejected) {
        for (CpOption raw : rejected) {
            switch (raw.type()) {
                case LcpOption.MRU -> requestMru = 0;
                case LcpOption.MAGIC_NUMBER -> askMagic = false;
                case LcpOption.PFC -> askPfc = false;
                case LcpOption.ACFC -> askAcfc = false;
                case LcpOption.AUTH_PROTOCOL -> {
                    authRefusedByPeer = true;
                    return false;
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public void onOurRequestAcked(List<CpOption> ours) {
        localMru = MruOption.DEFAULT;
        localMagic = 0;
        rxPfc = false;
        rxAcfc = false;
        authOfPeer = Optional.empty();
        for (CpOption raw : ours) {
            switch (LcpOption.decode(raw)) {
                case MruOption m -> localMru = m.mru();
                case MagicNumberOption m -> localMagic = m.magic();
                case PfcOption p -> rxPfc = true;
                case AcfcOption a -> rxAcfc = true;
                case AuthProtocolOption a -> authOfPeer = a.method();
                case AccmOption a -> { }
                case UnknownLcpOption u -> { }
            }
        }
    }

    @Override
    public void onPeerRequestAcked(List<CpOption> theirs) {
        peerMru = MruOption.DEFAULT;
        peerMagic = 0;
        txPfc = false;
        txAcfc = false;
        authOfUs = Optional.empty();
        for (CpOption raw : theirs) {
            switch (LcpOption.decode(raw)) {
                case MruOption m -> peerMru = m.mru();
                case MagicNumberOption m -> peerMagic = m.magic();
                case PfcOption p -> txPfc = true;
                case AcfcOption a -> txAcfc = true;
                case AuthProtocolOption a -> authOfUs = a.method();
                case AccmOption a -> { }
                case UnknownLcpOption u -> { }
            }
        }
    }

    /** RFC 1661 §5.7: a Protocol-Reject of LCP itself is catastrophic; of anything else it is not. */
    @Override
    public OtherCode classify(CpPacket packet) {
        return switch (CpCode.of(packet.code()).orElse(CpCode.CONFIGURE_REQUEST)) {
            case PROTOCOL_REJECT -> packet.data().length() >= 2 && packet.data().u16(0) == PppProtocol.LCP.number()
                    ? OtherCode.RXJ_MINUS : OtherCode.RXJ_PLUS;
            case ECHO_REQUEST, ECHO_REPLY, DISCARD_REQUEST -> OtherCode.RXR;
            default -> OtherCode.UNKNOWN;
        };
    }

    /** RFC 1661 §5.8: an Echo-Reply carries our Magic-Number and the request's data. */
    @Override
    public Optional<CpPacket> echoReply(CpPacket received) {
        if (!received.is(CpCode.ECHO_REQUEST)) {
            return Optional.empty();
        }
        Octets data = received.data();
        if (data.length() >= 4 && askMagic && data.u32(0) == localMagic && localMagic != 0) {
            loopbackDetections++;
        }
        byte[] reply = new byte[Math.max(4, data.length())];
        Octets.ofU32(localMagic).copyTo(reply, 0);
        if (data.length() > 4) {
            data.slice(4, data.length() - 4).copyTo(reply, 4);
        }
        return Optional.of(CpPacket.of(CpCode.ECHO_REPLY, received.identifier(), Octets.of(reply)));
    }

    private long newMagic() {
        long m;
        do {
            m = random.nextInt() & 0xFFFF_FFFFL;
        } while (m == 0);
        return m;
    }
}
