package net.vpdn.ppp.lcp;

import java.util.Objects;
import net.vpdn.ppp.wire.CpOption;

/**
 * An option this engine does not negotiate (e.g. Quality-Protocol, Callback, MRRU), or a known
 * type with a wrong length. Either way it is Configure-Rejected, unchanged (RFC 1661 §5.4).
 *
 * @param raw the option as received
 * @param malformed true when the type is known but the length is wrong
 */
public record UnknownLcpOption(CpOption raw, boolean malformed) implements LcpOption {
    public UnknownLcpOption {
        Objects.requireNonNull(raw, "raw");
    }

    static UnknownLcpOption malformed(CpOption raw) {
        return new UnknownLcpOption(raw, true);
    }

    @Override
    public CpOption toCpOption() {
        return raw;
    }
}
