package net.vpdn.ppp.lcp;

import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.Octets;

/**
 * Magic-Number, RFC 1661 §6.4: detects looped-back links. Zero is not a valid magic number.
 *
 * @param magic the 32-bit value
 */
public record MagicNumberOption(long magic) implements LcpOption {
    public MagicNumberOption {
        if (magic < 0 || magic > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("magic " + magic + " out of 32 bits");
        }
    }

    @Override
    public CpOption toCpOption() {
        return new CpOption(MAGIC_NUMBER, Octets.ofU32(magic));
    }
}
