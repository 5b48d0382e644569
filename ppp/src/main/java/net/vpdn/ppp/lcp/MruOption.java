package net.vpdn.ppp.lcp;

import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.Octets;

/**
 * Maximum-Receive-Unit, RFC 1661 §6.1: the largest information field the sender can receive.
 *
 * @param mru octets, 0–65535
 */
public record MruOption(int mru) implements LcpOption {
    /** The default when not negotiated. */
    public static final int DEFAULT = 1500;

    public MruOption {
        if (mru < 0 || mru > 0xFFFF) {
            throw new IllegalArgumentException("MRU " + mru + " out of 0..65535");
        }
    }

    @Override
    public CpOption toCpOption() {
        return new CpOption(MRU, Octets.ofU16(mru));
    }
}
