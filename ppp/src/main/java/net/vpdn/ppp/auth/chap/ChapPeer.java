package net.vpdn.ppp.auth.chap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthEffect;
import net.vpdn.ppp.auth.AuthFailure;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.auth.mschapv2.MsChapV2;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.Decoded;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppProtocol;

/**
 * CHAP as the peer being authenticated, CHAP-MD5 or MS-CHAPv2. For MS-CHAPv2 the Success must
 * carry the authenticator response that proves the server knows our password (RFC 2759 §5);
 * otherwise we fail the link ourselves. The Response is repeated on a timer until Success or
 * Failure answers it: the authenticator stops retransmitting its Challenge once it has a
 * Response, so a lost Success could otherwise leave us waiting for ever (RFC 1994 §4.2 has the
 * authenticator answer a repeated Response with the same Success again).
 */
public final class ChapPeer {
    private final AuthMethod method;
    private final String user;
    private final Secret password;
    private final PppRandom random;
    private final AuthTiming timing;
    private int lastId = -1;
    private Octets lastChallenge = Octets.EMPTY;
    private CpPacket lastResponse;
    private int sent;
    private long timerToken;
    private boolean answered;
    private String expectedAuthenticatorResponse = "";
    private boolean succeeded;

    public ChapPeer(AuthMethod method, String user, Secret password, PppRandom random, AuthTiming timing) {
        if (method == AuthMethod.PAP) {
            throw new IllegalArgumentException("PAP is not a CHAP method");
        }
        this.method = method;
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.random = Objects.requireNonNull(random, "random");
        this.timing = Objects.requireNonNull(timing, "timing");
    }

    /** A CHAP packet from the authenticator. */
    public List<AuthEffect> receive(CpPacket packet) {
        return switch (packet.code()) {
            case ChapCodec.CHALLENGE -> switch (ChapCodec.parseValue(packet)) {
                case Decoded.Ok<ChapCodec.ChapValue> ok -> respond(packet.identifier(), ok.value().value());
                case Decoded.Malformed<ChapCodec.ChapValue> m -> List.of();
            };
            case ChapCodec.SUCCESS -> packet.identifier() == lastId ? answered(onSuccess(ChapCodec.messageOf(packet)))
                    : List.of();
            case ChapCodec.FAILURE -> packet.identifier() == lastId
                    ? answered(List.of(new AuthEffect.Failed(AuthFailure.REJECTED_BY_AUTHENTICATOR, ChapCodec.messageOf(packet))))
                    : List.of();
            default -> List.of();
        };
    }

    /** The Response timer fired: repeat the Response, or give up after the configured tries. */
    public List<AuthEffect> timeout(long token) {
        if (answered || token != timerToken || lastResponse == null) {
            return List.of();
        }
        if (sent >= timing.maxTransmissions()) {
            answered = true;
            return List.of(new AuthEffect.Failed(AuthFailure.TIMEOUT, sent + " Responses unanswered"));
        }
        return transmit();
    }

    private List<AuthEffect> transmit() {
        sent++;
        return List.of(new AuthEffect.Send(PppProtocol.CHAP.number(), lastResponse),
                new AuthEffect.ArmTimer(timing.retry(), ++timerToken));
    }

    private List<AuthEffect> answered(List<AuthEffect> outcome) {
        answered = true;
        List<AuthEffect> out = new java.util.ArrayList<>(outcome.size() + 1);
        out.add(new AuthEffect.CancelTimer());
        out.addAll(outcome);
        return out;
    }

    private List<AuthEffect> respond(int identifier, Octets challenge) {
        if (identifier == lastId && challenge.equals(lastChallenge) && lastResponse != null && !answered) {
            // The authenticator repeated its Challenge: our Response was lost. Send the same one.
            return transmit();
        }
        // A new Challenge, even under the old identifier (an authenticator restarted by an LCP
        // renegotiation may reuse it): answer its value, never the old one's.
        lastId = identifier;
        lastChallenge = challenge;
        answered = false;
        sent = 0;
        Octets value;
        if (method == AuthMethod.CHAP_MD5) {
            value = ChapMd5.response(identifier, password, challenge);
        } else {
            byte[] peerChallenge = new byte[16];
            random.nextBytes(peerChallenge);
            Octets pc = Octets.of(peerChallenge);
            Octets nt = MsChapV2.ntResponse(challenge, pc, user, password);
            expectedAuthenticatorResponse = MsChapV2.authenticatorResponse(password, nt, pc, challenge, user);
            byte[] v = new byte[49];
            pc.copyTo(v, 0);
            nt.copyTo(v, 24);
            value = Octets.of(v);
        }
        lastResponse = ChapCodec.value(ChapCodec.RESPONSE, identifier, value, user);
        return transmit();
    }

    private List<AuthEffect> onSuccess(String message) {
        if (method == AuthMethod.MSCHAP_V2) {
            String got = message.length() >= 42 ? message.substring(0, 42).toUpperCase(Locale.ROOT) : "";
            if (!MessageDigest.isEqual(got.getBytes(StandardCharsets.US_ASCII),
                    expectedAuthenticatorResponse.getBytes(StandardCharsets.US_ASCII))) {
                return List.of(new AuthEffect.Failed(AuthFailure.AUTHENTICATOR_RESPONSE_MISMATCH,
                        "Success without a valid S= authenticator response"));
            }
        }
        if (succeeded) {
            return List.of();
        }
        succeeded = true;
        return List.of(new AuthEffect.Succeeded(user));
    }
}
