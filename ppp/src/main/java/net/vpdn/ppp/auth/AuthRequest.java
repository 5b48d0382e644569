package net.vpdn.ppp.auth;

import java.util.Objects;
import net.vpdn.ppp.wire.Octets;

/**
 * What an authenticator asks the {@link AuthVerifier} to check: the peer's proof as received,
 * in the form the AAA side needs (RADIUS User-Password, CHAP-Password, MS-CHAP2-Response).
 * These are also what the LAC proxies to the LNS (RFC 2661 §4.4.5).
 */
public sealed interface AuthRequest {

    /** The name the peer gave. */
    String user();

    /** PAP, RFC 1334 §2.2.1: the cleartext password. */
    record Pap(String user, Secret password) implements AuthRequest {
        public Pap {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }
    }

    /** CHAP-MD5, RFC 1994 §4.1: identifier, challenge and the 16-octet response. */
    record ChapMd5(String user, int identifier, Octets challenge, Octets response) implements AuthRequest {
        public ChapMd5 {
            Objects.requireNonNull(user, "user");
        }
    }

    /** MS-CHAPv2, RFC 2759 §4: both challenges and the 24-octet NT-Response. */
    record MsChapV2(String user, int identifier, Octets authenticatorChallenge, Octets peerChallenge,
                    Octets ntResponse) implements AuthRequest {
        public MsChapV2 {
            Objects.requireNonNull(user, "user");
        }
    }
}
