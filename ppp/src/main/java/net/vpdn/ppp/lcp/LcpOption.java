package net.vpdn.ppp.lcp;

import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.Octets;

/**
 * A typed LCP Configuration Option (RFC 1661 §6, ACCM from RFC 1662 §7.1). Options with a
 * known type but a wrong length decode to {@link UnknownLcpOption} with {@code malformed} set,
 * so the layer rejects them instead of guessing.
 */
public sealed interface LcpOption
        permits MruOption, AccmOption, AuthProtocolOption, MagicNumberOption, PfcOption, AcfcOption, UnknownLcpOption {
    /** Maximum-Receive-Unit, §6.1. */
    int MRU = 1;
    /** Async-Control-Character-Map, RFC 1662 §7.1. */
    int ACCM = 2;
    /** Authentication-Protocol, §6.2. */
    int AUTH_PROTOCOL = 3;
    /** Magic-Number, §6.4. */
    int MAGIC_NUMBER = 5;
    /** Protocol-Field-Compression, §6.5. */
    int PFC = 7;
    /** Address-and-Control-Field-Compression, §6.6. */
    int ACFC = 8;

    /** The TLV form. */
    CpOption toCpOption();

    /** The typed view of {@code option}; total. */
    static LcpOption decode(CpOption option) {
        Octets v = option.value();
        return switch (option.type()) {
            case MRU -> v.length() == 2 ? new MruOption(v.u16(0)) : UnknownLcpOption.malformed(option);
            case ACCM -> v.length() == 4 ? new AccmOption(v.u32(0)) : UnknownLcpOption.malformed(option);
            case AUTH_PROTOCOL -> v.length() >= 2
                    ? new AuthProtocolOption(v.u16(0), v.slice(2, v.length() - 2)) : UnknownLcpOption.malformed(option);
            case MAGIC_NUMBER -> v.length() == 4 ? new MagicNumberOption(v.u32(0)) : UnknownLcpOption.malformed(option);
            case PFC -> v.isEmpty() ? new PfcOption() : UnknownLcpOption.malformed(option);
            case ACFC -> v.isEmpty() ? new AcfcOption() : UnknownLcpOption.malformed(option);
            default -> new UnknownLcpOption(option, false);
        };
    }
}
