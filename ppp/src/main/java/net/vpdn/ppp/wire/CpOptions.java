package net.vpdn.ppp.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses and builds the option lists of Configure-Request/Ack/Nak/Reject (RFC 1661 §6).
 * Order is kept, as §5.2–§5.4 require Ack and Reject to echo options in the order received.
 */
public final class CpOptions {
    /** Bound on options per packet, so a hostile list cannot make us allocate without limit. */
    public static final int MAX_OPTIONS = 64;

    private CpOptions() {
    }

    /** Parses the data of a configure packet. Total: never throws. */
    public static Decoded<List<CpOption>> parse(Octets data) {
        List<CpOption> options = new ArrayList<>();
        int pos = 0;
        while (pos < data.length()) {
            if (data.length() - pos < CpOption.HEADER_LENGTH) {
                return Decoded.malformed(PppDropReason.OPTION_TRUNCATED,
                        "option at offset " + pos + " has " + (data.length() - pos) + " octet(s), needs 2");
            }
            int type = data.u8(pos);
            int length = data.u8(pos + 1);
            if (length < CpOption.HEADER_LENGTH) {
                return Decoded.malformed(PppDropReason.OPTION_LENGTH_TOO_SMALL,
                        "option type " + type + " at offset " + pos + " has Length " + length + " below 2");
            }
            if (length > data.length() - pos) {
                return Decoded.malformed(PppDropReason.OPTION_LENGTH_EXCEEDS_DATA,
                        "option type " + type + " at offset " + pos + " has Length " + length
                                + " but " + (data.length() - pos) + " octets remain");
            }
            if (options.size() == MAX_OPTIONS) {
                return Decoded.malformed(PppDropReason.TOO_MANY_OPTIONS, "more than " + MAX_OPTIONS + " options");
            }
            options.add(new CpOption(type, data.slice(pos + 2, length - 2)));
            pos += length;
        }
        return new Decoded.Ok<>(List.copyOf(options));
    }

    /** Encodes {@code options} back to back, in order. */
    public static Octets encode(List<CpOption> options) {
        int total = 0;
        for (CpOption o : options) {
            total += o.length();
        }
        byte[] out = new byte[total];
        int pos = 0;
        for (CpOption o : options) {
            out[pos] = (byte) o.type();
            out[pos + 1] = (byte) o.length();
            o.value().copyTo(out, pos + 2);
            pos += o.length();
        }
        return Octets.of(out);
    }
}
