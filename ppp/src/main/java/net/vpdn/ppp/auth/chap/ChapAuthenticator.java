package net.vpdn.ppp.auth.chap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthEffect;
import net.vpdn.ppp.auth.AuthFailure;
import net.vpdn.ppp.auth.AuthRequest;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.auth.AuthVerdict;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.Decoded;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppProtocol;

/**
 * CHAP as authenticator, for CHAP-MD5 (RFC 1994) and MS-CHAPv2 (RFC 2759): send a Challenge,
 * retransmit it on the timer, hand the Response to the verifier asynchronously, answer Success or
 * Failure. {@link #rechallenge()} implements RFC 1994 §2's optional periodic re-challenge.
 */
public final class ChapAuthenticator {
    static final int CHALLENGE_LENGTH = 16;
    private static final int MSCHAPV2_RESPONSE_LENGTH = 49;

    private enum Phase { IDLE, CHALLENGED, VERIFYING, ACCEPTED, REJECTED }

    private final AuthMethod method;
    private final String name;
    private final PppRandom random;
    private final AuthTiming timing;
    private Phase phase = Phase.IDLE;
    private boolean everAccepted;
    private int identifier;
    private Octets challenge = Octets.EMPTY;
    private int sent;
    private long timerToken;
    private long attempt;
    private String user = "";
    private CpPacket answer;

    public ChapAuthenticator(AuthMethod method, String name, PppRandom random, AuthTiming timing) {
        this(method, name, random, timing, -1);
    }

    /**
     * An authenticator that continues the identifier sequence of an earlier one on the same link:
     * its first Challenge carries {@code previousIdentifier + 1}. When LCP renegotiates while the
     * peer is still answering the earlier Challenge, that Response (late, or repeated on the
     * peer's timer) then cannot be taken for a Response to the new Challenge: RFC 1994 §4.1 has
     * the identifier change with every Challenge so that Responses match their Challenge, and a
     * fresh random identifier repeats the last one once in 256 restarts.
     *
     * @param previousIdentifier the identifier last used on this link, or -1 to start at random
     */
    public ChapAuthenticator(AuthMethod method, String name, PppRandom random, AuthTiming timing, int previousIdentifier) {
        if (method == AuthMethod.PAP) {
            throw new IllegalArgumentException("PAP is not a CHAP method");
        }
        this.method = method;
        this.name = Objects.requireNonNull(name, "name");
        this.random = Objects.requireNonNull(random, "random");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.identifier = previousIdentifier >= 0 ? previousIdentifier & 0xFF : random.nextInt() & 0xFF;
    }

    /** The identifier of the current (or last) Challenge, or of the proxied exchange. */
    public int identifier() {
        return identifier;
    }

    /** Sends the first Challenge. */
    public List<AuthEffect> start() {
        return phase == Phase.IDLE ? newChallenge() : List.of();
    }

    /** Sends a new Challenge on an authenticated link; only valid after success. */
    public List<AuthEffect> rechallenge() {
        return phase == Phase.ACCEPTED ? newChallenge() : List.of();
    }

    private List<AuthEffect> newChallenge() {
        byte[] c = new byte[CHALLENGE_LENGTH];
        random.nextBytes(c);
        challenge = Octets.of(c);
        identifier = (identifier + 1) & 0xFF;
        sent = 0;
        phase = Phase.CHALLENGED;
        return transmit();
    }

    private List<AuthEffect> transmit() {
        sent++;
        return List.of(send(ChapCodec.value(ChapCodec.CHALLENGE, identifier, challenge, name)),
                new AuthEffect.ArmTimer(timing.retry(), ++timerToken));
    }

    /** A CHAP packet from the peer. */
    public List<AuthEffect> receive(CpPacket packet) {
        if (packet.code() != ChapCodec.RESPONSE || packet.identifier() != identifier) {
            return List.of();
        }
        return switch (phase) {
            case CHALLENGED -> switch (ChapCodec.parseValue(packet)) {
                case Decoded.Ok<ChapCodec.ChapValue> ok -> toRequest(ok.value()).map(this::verify).orElse(List.of());
                case Decoded.Malformed<ChapCodec.ChapValue> m -> List.of();
            };
            case ACCEPTED, REJECTED -> answer == null ? List.of() : List.of(send(answer));
            case IDLE, VERIFYING -> List.of();
        };
    }

    /**
     * Verifies a response the LAC collected (RFC 2661 §4.4.5) without a new challenge; the
     * request carries the LAC's challenge and identifier.
     */
    public List<AuthEffect> verifyProxied(AuthRequest request) {
        if (phase != Phase.IDLE) {
            return List.of();
        }
        switch (request) {
            case AuthRequest.ChapMd5 c -> {
                identifier = c.identifier();
                challenge = c.challenge();
            }
            case AuthRequest.MsChapV2 m -> {
                identifier = m.identifier();
                challenge = m.authenticatorChallenge();
            }
            case AuthRequest.Pap p -> throw new IllegalArgumentException("a PAP request cannot be verified by CHAP");
        }
        return verify(request);
    }

    private Optional<AuthRequest> toRequest(ChapCodec.ChapValue v) {
        if (method == AuthMethod.CHAP_MD5) {
            return Optional.of(new AuthRequest.ChapMd5(v.name(), identifier, challenge, v.value()));
        }
        if (v.value().length() != MSCHAPV2_RESPONSE_LENGTH) {
            return Optional.empty();
        }
        // RFC 2759 §4: Peer-Challenge(16), Reserved(8), NT-Response(24), Flags(1).
        return Optional.of(new AuthRequest.MsChapV2(v.name(), identifier, challenge,
                v.value().slice(0, 16), v.value().slice(24, 24)));
    }

    private List<AuthEffect> verify(AuthRequest request) {
        phase = Phase.VERIFYING;
        user = request.user();
        return List.of(new AuthEffect.CancelTimer(), new AuthEffect.Verify(request, ++attempt));
    }

    /** The verifier's verdict for {@code forAttempt}; stale attempts are ignored. */
    public List<AuthEffect> onVerdict(long forAttempt, AuthVerdict verdict) {
        if (phase != Phase.VERIFYING || forAttempt != attempt) {
            return List.of();
        }
        List<AuthEffect> out = new ArrayList<>();
        switch (verdict) {
            case AuthVerdict.Accept a -> {
                phase = Phase.ACCEPTED;
                answer = ChapCodec.message(ChapCodec.SUCCESS, identifier, a.message());
                out.add(send(answer));
                if (!everAccepted) {
                    out.add(new AuthEffect.Succeeded(user));
                }
                everAccepted = true;
            }
            case AuthVerdict.Reject r -> {
                phase = Phase.REJECTED;
                answer = ChapCodec.message(ChapCodec.FAILURE, identifier, failureMessage(r.message()));
                out.add(send(answer));
                out.add(new AuthEffect.Failed(AuthFailure.REJECTED_BY_VERIFIER, "user " + user));
            }
        }
        return out;
    }

    /** RFC 2759 §6: E=691 (authentication failure), R=0 (no retry), C=the challenge, V=3. */
    private String failureMessage(String text) {
        if (method != AuthMethod.MSCHAP_V2) {
            return text;
        }
        return "E=691 R=0 C=" + challenge.toHex().toUpperCase(Locale.ROOT) + " V=3 M=" + text;
    }

    /** The retransmission timer fired. */
    public List<AuthEffect> timeout(long token) {
        if (token != timerToken || phase != Phase.CHALLENGED) {
            return List.of();
        }
        if (sent >= timing.maxTransmissions()) {
            phase = Phase.REJECTED;
            return List.of(new AuthEffect.Failed(AuthFailure.TIMEOUT, sent + " Challenges unanswered"));
        }
        return transmit();
    }

    private static AuthEffect send(CpPacket p) {
        return new AuthEffect.Send(PppProtocol.CHAP.number(), p);
    }
}
