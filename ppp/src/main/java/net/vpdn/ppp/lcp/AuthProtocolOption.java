package net.vpdn.ppp.lcp;

import java.util.Objects;
import java.util.Optional;
import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.Octets;

/**
 * Authentication-Protocol, RFC 1661 §6.2: the protocol the sender wants the peer to
 * authenticate with, plus protocol data (for CHAP the algorithm, RFC 1994 §3).
 *
 * @param protocol the PPP protocol number (0xC023 PAP, 0xC223 CHAP)
 * @param data the octets after the protocol
 */
public record AuthProtocolOption(int protocol, Octets data) implements LcpOption {
    public AuthProtocolOption {
        Objects.requireNonNull(data, "data");
    }

    /** The option that asks for {@code method}. */
    public static AuthProtocolOption of(AuthMethod method) {
        return new AuthProtocolOption(method.protocol(), method.data());
    }

    /** The method this option names, if we know it. */
    public Optional<AuthMethod> method() {
        return AuthMethod.of(protocol, data);
    }

    @Override
    public CpOption toCpOption() {
        byte[] v = new byte[2 + data.length()];
        v[0] = (byte) (protocol >>> 8);
        v[1] = (byte) protocol;
        data.copyTo(v, 2);
        return new CpOption(AUTH_PROTOCOL, Octets.of(v));
    }
}
