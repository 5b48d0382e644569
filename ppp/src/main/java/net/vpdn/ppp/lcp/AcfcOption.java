package net.vpdn.ppp.lcp;

import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.Octets;

/** Address-and-Control-Field-Compression, RFC 1661 §6.6: the sender can receive frames without 0xFF 0x03. */
public record AcfcOption() implements LcpOption {
    @Override
    public CpOption toCpOption() {
        return new CpOption(ACFC, Octets.EMPTY);
    }
}
