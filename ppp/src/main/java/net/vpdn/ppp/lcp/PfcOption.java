package net.vpdn.ppp.lcp;

import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.Octets;

/** Protocol-Field-Compression, RFC 1661 §6.5: the sender can receive one-octet protocol fields. */
public record PfcOption() implements LcpOption {
    @Override
    public CpOption toCpOption() {
        return new CpOption(PFC, Octets.EMPTY);
    }
}
