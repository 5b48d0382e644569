package net.vpdn.ppp.lcp;

import java.util.Optional;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppProtocol;

/** The authentication methods this engine speaks, as named in the LCP Authentication-Protocol option. */
public enum AuthMethod {
    /** PAP, RFC 1334. */
    PAP(PppProtocol.PAP.number(), Octets.EMPTY),
    /** CHAP with MD5, RFC 1994 §3 (algorithm 5). */
    CHAP_MD5(PppProtocol.CHAP.number(), Octets.of((byte) 0x05)),
    /** MS-CHAP version 2, RFC 2759 §2 (algorithm 0x81). */
    MSCHAP_V2(PppProtocol.CHAP.number(), Octets.of((byte) 0x81));

    private final int protocol;
    private final Octets data;

    AuthMethod(int protocol, Octets data) {
        this.protocol = protocol;
        this.data = data;
    }

    public int protocol() {
        return protocol;
    }

    /** The protocol data after the protocol number in the option. */
    public Octets data() {
        return data;
    }

    /** The method for an option's protocol and data, if known. */
    public static Optional<AuthMethod> of(int protocol, Octets data) {
        for (AuthMethod m : values()) {
            if (m.protocol == protocol && m.data.equals(data)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
