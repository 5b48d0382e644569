package net.vpdn.ppp.lcp;

import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.Octets;

/**
 * Async-Control-Character-Map, RFC 1662 §7.1. Meaningless over L2TP, but clients send it and
 * expect an Ack.
 *
 * @param map the 32-bit map of control characters to escape
 */
public record AccmOption(long map) implements LcpOption {
    public AccmOption {
        if (map < 0 || map > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ACCM " + map + " out of 32 bits");
        }
    }

    @Override
    public CpOption toCpOption() {
        return new CpOption(ACCM, Octets.ofU32(map));
    }
}
