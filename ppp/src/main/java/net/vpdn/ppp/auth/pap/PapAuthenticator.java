package net.vpdn.ppp.auth.pap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.vpdn.ppp.auth.AuthEffect;
import net.vpdn.ppp.auth.AuthFailure;
import net.vpdn.ppp.auth.AuthRequest;
import net.vpdn.ppp.auth.AuthVerdict;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.Decoded;
import net.vpdn.ppp.wire.PppProtocol;

/**
 * PAP as authenticator, RFC 1334 §2: wait for an Authenticate-Request, have it verified
 * asynchronously, answer Ack or Nak. A retransmitted request after the verdict (our Ack was
 * lost) gets the same answer again rather than a second verification.
 */
public final class PapAuthenticator {
    private enum Phase { WAITING, VERIFYING, ACCEPTED, REJECTED }

    private final Duration waitForRequest;
    private Phase phase = Phase.WAITING;
    private long attempt;
    private long timerToken;
    private int requestId;
    private String user;
    private CpPacket answer;

    /** @param waitForRequest how long the peer has to send its first Authenticate-Request */
    public PapAuthenticator(Duration waitForRequest) {
        this.waitForRequest = waitForRequest;
    }

    /** Starts waiting (at the Authenticate phase). */
    public List<AuthEffect> start() {
        return List.of(new AuthEffect.ArmTimer(waitForRequest, ++timerToken));
    }

    /** A PAP packet from the peer. Malformed or unexpected packets are ignored. */
    public List<AuthEffect> receive(CpPacket packet) {
        if (packet.code() != PapCodec.REQUEST) {
            return List.of();
        }
        return switch (phase) {
            case WAITING -> switch (PapCodec.parseRequest(packet)) {
                case Decoded.Ok<AuthRequest.Pap> ok -> verify(packet.identifier(), ok.value());
                case Decoded.Malformed<AuthRequest.Pap> m -> List.of();
            };
            case VERIFYING -> List.of();
            case ACCEPTED, REJECTED -> List.of(send(new CpPacket(answer.code(), packet.identifier(), answer.data())));
        };
    }

    /**
     * Starts from a request the LAC already collected (RFC 2661 §4.4.5 proxy authentication):
     * no Authenticate-Request is awaited from the peer.
     */
    public List<AuthEffect> verifyProxied(int identifier, AuthRequest.Pap request) {
        return phase == Phase.WAITING ? verify(identifier, request) : List.of();
    }

    private List<AuthEffect> verify(int identifier, AuthRequest.Pap request) {
        phase = Phase.VERIFYING;
        requestId = identifier;
        user = request.user();
        return List.of(new AuthEffect.CancelTimer(), new AuthEffect.Verify(request, ++attempt));
    }

    /** The verifier's verdict for {@code attempt}; stale attempts are ignored. */
    public List<AuthEffect> onVerdict(long forAttempt, AuthVerdict verdict) {
        if (phase != Phase.VERIFYING || forAttempt != attempt) {
            return List.of();
        }
        List<AuthEffect> out = new ArrayList<>();
        switch (verdict) {
            case AuthVerdict.Accept a -> {
                phase = Phase.ACCEPTED;
                answer = PapCodec.reply(PapCodec.ACK, requestId, a.message());
                out.add(send(answer));
                out.add(new AuthEffect.Succeeded(user));
            }
            case AuthVerdict.Reject r -> {
                phase = Phase.REJECTED;
                answer = PapCodec.reply(PapCodec.NAK, requestId, r.message());
                out.add(send(answer));
                out.add(new AuthEffect.Failed(AuthFailure.REJECTED_BY_VERIFIER, "user " + user));
            }
        }
        return out;
    }

    /** The wait timer fired. */
    public List<AuthEffect> timeout(long token) {
        if (token != timerToken || phase != Phase.WAITING) {
            return List.of();
        }
        phase = Phase.REJECTED;
        answer = PapCodec.reply(PapCodec.NAK, 0, "timeout");
        return List.of(new AuthEffect.Failed(AuthFailure.TIMEOUT, "no Authenticate-Request within " + waitForRequest));
    }

    private static AuthEffect send(CpPacket p) {
        return new AuthEffect.Send(PppProtocol.PAP.number(), p);
    }
}
