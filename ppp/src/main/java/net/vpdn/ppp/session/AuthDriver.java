package net.vpdn.ppp.session;

import java.util.List;
import java.util.Optional;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthEffect;
import net.vpdn.ppp.auth.AuthRequest;
import net.vpdn.ppp.auth.AuthVerdict;
import net.vpdn.ppp.auth.chap.ChapAuthenticator;
import net.vpdn.ppp.auth.chap.ChapCodec;
import net.vpdn.ppp.auth.chap.ChapPeer;
import net.vpdn.ppp.auth.pap.PapAuthenticator;
import net.vpdn.ppp.auth.pap.PapCodec;
import net.vpdn.ppp.auth.pap.PapPeer;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.proxy.ProxyAuth;
import net.vpdn.ppp.proxy.ProxyAuthKind;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.PppProtocol;

/**
 * The Authenticate phase of one session: up to one authenticator (we check the peer) and one
 * peer role (the peer checks us), as LCP agreed. Reports when both are done or either failed.
 */
final class AuthDriver {
    /** Where the phase stands. */
    enum Status { PENDING, SUCCEEDED, FAILED }

    private final PppSessionConfig config;
    private final PppRandom random;
    private ChapAuthenticator chapAuthenticator;
    private PapAuthenticator papAuthenticator;
    private ChapPeer chapPeer;
    private PapPeer papPeer;
    private boolean authenticatorDone = true;
    private boolean peerDone = true;
    private boolean failed;
    private String failure = "";
    /** The CHAP identifier last used on this link; a restarted authenticator continues after it. */
    private int chapIdentifier = -1;
    /**
     * Counts the rounds (LCP openings) of authentication; a Verify's attempt carries it in its high
     * half, so that a verdict for an earlier round's Response, still with AAA when LCP renegotiated,
     * is never taken for the same-numbered attempt of a new authenticator.
     */
    private long round;

    AuthDriver(PppSessionConfig config, PppRandom random) {
        this.config = config;
        this.random = random;
    }

    String failure() {
        return failure;
    }

    /**
     * Starts the roles LCP agreed. A {@code proxied} response of the matching kind is verified
     * without challenging the client again (LNS side of RFC 2661 §4.4.5).
     */
    Status start(Optional<AuthMethod> ofPeer, Optional<AuthMethod> ofUs, Optional<ProxyAuth> proxied, Out out) {
        stop(out);
        authenticatorDone = ofPeer.isEmpty();
        peerDone = ofUs.isEmpty();
        ofPeer.ifPresent(m -> {
            Optional<AuthRequest> request = proxied.filter(p -> matches(p.kind(), m)).flatMap(ProxyAuth::toRequest);
            if (m == AuthMethod.PAP) {
                papAuthenticator = new PapAuthenticator(config.auth().retry().multipliedBy(config.auth().maxTransmissions()));
                int proxiedId = proxied.map(ProxyAuth::identifier).orElse(0);
                apply(request.map(r -> papAuthenticator.verifyProxied(proxiedId, (AuthRequest.Pap) r))
                        .orElseGet(papAuthenticator::start), true, out);
            } else {
                chapAuthenticator = new ChapAuthenticator(m, config.hostName(), random, config.auth(), chapIdentifier);
                apply(request.map(chapAuthenticator::verifyProxied).orElseGet(chapAuthenticator::start), true, out);
            }
        });
        ofUs.ifPresent(m -> {
            if (config.credentials().isEmpty()) {
                failed = true;
                failure = "peer demands " + m + " but we have no credentials";
                return;
            }
            PppSessionConfig.Credentials c = config.credentials().get();
            if (m == AuthMethod.PAP) {
                papPeer = new PapPeer(c.user(), c.secret(), config.auth());
                apply(papPeer.start(), false, out);
            } else {
                chapPeer = new ChapPeer(m, c.user(), c.secret(), random, config.auth());
            }
        });
        return status();
    }

    /**
     * LCP left the Opened state: the roles stop with their timers, so that nothing from this round
     * (a Challenge or Response repeated on a timer) reaches the peer once LCP renegotiates. The
     * CHAP identifier sequence is kept for the next round.
     */
    void stop(Out out) {
        if (chapAuthenticator != null) {
            chapIdentifier = chapAuthenticator.identifier();
        }
        if (chapAuthenticator != null || papAuthenticator != null) {
            out.add(new PppOutput.CancelTimer(PppTimer.AUTHENTICATOR));
        }
        if (chapPeer != null || papPeer != null) {
            out.add(new PppOutput.CancelTimer(PppTimer.AUTH_PEER));
        }
        chapAuthenticator = null;
        papAuthenticator = null;
        chapPeer = null;
        papPeer = null;
        round++;
    }

    /**
     * The identifier a client may still be answering on this link before we challenge it
     * ourselves (the LAC's, when the LNS renegotiates instead of adopting proxied CHAP): our
     * first Challenge then follows it rather than possibly repeating it.
     */
    void continueChapAfter(int identifier) {
        chapIdentifier = identifier & 0xFF;
    }

    private static boolean matches(ProxyAuthKind kind, AuthMethod method) {
        return kind == ProxyAuthKind.PAP && method == AuthMethod.PAP
                || kind == ProxyAuthKind.CHAP && method == AuthMethod.CHAP_MD5;
    }

    Status receive(int protocol, CpPacket packet, Out out) {
        if (protocol == PppProtocol.PAP.number()) {
            if (packet.code() == PapCodec.REQUEST && papAuthenticator != null) {
                apply(papAuthenticator.receive(packet), true, out);
            } else if (papPeer != null) {
                apply(papPeer.receive(packet), false, out);
            }
        } else if (protocol == PppProtocol.CHAP.number()) {
            if (packet.code() == ChapCodec.RESPONSE && chapAuthenticator != null) {
                apply(chapAuthenticator.receive(packet), true, out);
            } else if (packet.code() != ChapCodec.RESPONSE && chapPeer != null) {
                apply(chapPeer.receive(packet), false, out);
            }
        }
        return status();
    }

    Status verdict(long attempt, AuthVerdict verdict, Out out) {
        if (attempt >>> 32 != round) {
            return status();
        }
        long ofRound = attempt & 0xFFFF_FFFFL;
        if (chapAuthenticator != null) {
            apply(chapAuthenticator.onVerdict(ofRound, verdict), true, out);
        } else if (papAuthenticator != null) {
            apply(papAuthenticator.onVerdict(ofRound, verdict), true, out);
        }
        return status();
    }

    Status timer(PppTimer timer, long token, Out out) {
        if (timer == PppTimer.AUTHENTICATOR) {
            if (chapAuthenticator != null) {
                apply(chapAuthenticator.timeout(token), true, out);
            } else if (papAuthenticator != null) {
                apply(papAuthenticator.timeout(token), true, out);
            }
        } else if (timer == PppTimer.AUTH_PEER && papPeer != null) {
            apply(papPeer.timeout(token), false, out);
        } else if (timer == PppTimer.AUTH_PEER && chapPeer != null) {
            apply(chapPeer.timeout(token), false, out);
        }
        return status();
    }

    /** RFC 1994 §2: a periodic re-challenge on an open link (CHAP authenticator only). */
    void rechallenge(Out out) {
        if (chapAuthenticator != null) {
            apply(chapAuthenticator.rechallenge(), true, out);
        }
    }

    private Status status() {
        if (failed) {
            return Status.FAILED;
        }
        return authenticatorDone && peerDone ? Status.SUCCEEDED : Status.PENDING;
    }

    private void apply(List<AuthEffect> effects, boolean asAuthenticator, Out out) {
        PppTimer timer = asAuthenticator ? PppTimer.AUTHENTICATOR : PppTimer.AUTH_PEER;
        for (AuthEffect e : effects) {
            switch (e) {
                case AuthEffect.Send s -> out.send(s.protocol(), s.packet());
                case AuthEffect.ArmTimer a -> out.add(new PppOutput.ArmTimer(timer, a.after(), a.token()));
                case AuthEffect.CancelTimer c -> out.add(new PppOutput.CancelTimer(timer));
                case AuthEffect.Verify v -> out.add(new PppOutput.Verify(v.request(), round << 32 | v.attempt()));
                case AuthEffect.Succeeded s -> {
                    if (asAuthenticator) {
                        authenticatorDone = true;
                        out.add(new PppOutput.Authenticated(s.user()));
                    } else {
                        peerDone = true;
                    }
                }
                case AuthEffect.Failed f -> {
                    failed = true;
                    failure = f.reason() + ": " + f.detail();
                }
            }
        }
    }
}
