package net.vpdn.ppp.auth.pap;

import java.util.List;
import net.vpdn.ppp.auth.AuthEffect;
import net.vpdn.ppp.auth.AuthFailure;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.PppProtocol;

/**
 * PAP as the peer being authenticated, RFC 1334 §2.1: send Authenticate-Request and repeat it
 * on the timer until an Ack or Nak answers it.
 */
public final class PapPeer {
    private final String user;
    private final Secret password;
    private final AuthTiming timing;
    private int identifier;
    private int sent;
    private long timerToken;
    private boolean done;

    public PapPeer(String user, Secret password, AuthTiming timing) {
        this.user = user;
        this.password = password;
        this.timing = timing;
    }

    /** Sends the first request. */
    public List<AuthEffect> start() {
        identifier = (identifier + 1) & 0xFF;
        return transmit();
    }

    /** An Ack or Nak from the authenticator; only one for our current request counts. */
    public List<AuthEffect> receive(CpPacket packet) {
        if (done || packet.identifier() != identifier) {
            return List.of();
        }
        return switch (packet.code()) {
            case PapCodec.ACK -> finish(new AuthEffect.Succeeded(user));
            case PapCodec.NAK -> finish(new AuthEffect.Failed(AuthFailure.REJECTED_BY_AUTHENTICATOR, "Authenticate-Nak"));
            default -> List.of();
        };
    }

    /** The retransmission timer fired. */
    public List<AuthEffect> timeout(long token) {
        if (done || token != timerToken) {
            return List.of();
        }
        if (sent >= timing.maxTransmissions()) {
            return finish(new AuthEffect.Failed(AuthFailure.TIMEOUT, sent + " Authenticate-Requests unanswered"));
        }
        return transmit();
    }

    private List<AuthEffect> transmit() {
        sent++;
        return List.of(new AuthEffect.Send(PppProtocol.PAP.number(), PapCodec.request(identifier, user, password)),
                new AuthEffect.ArmTimer(timing.retry(), ++timerToken));
    }

    private List<AuthEffect> finish(AuthEffect outcome) {
        done = true;
        return List.of(new AuthEffect.CancelTimer(), outcome);
    }
}
