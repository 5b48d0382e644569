package net.vpdn.l2tp.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes one UDP payload into a {@link DecodeResult}, RFC 2661 §3.1 (header) and §4.1 (AVP
 * framing). Pure and total: any octets yield Control, Data or Malformed. AVP values are copied
 * out, so nothing returned refers to the caller's buffer. Typing AVPs is the next layer's job
 * ({@code net.vpdn.l2tp.avp.AvpCodec}).
 */
public final class PacketDecoder {
    /** Size of the AVP header (flags/length, Vendor ID, Attribute Type), §4.1. */
    public static final int AVP_HEADER_LENGTH = 6;
    static final int AVP_LENGTH_MASK = 0x03FF;
    static final int AVP_MANDATORY = 0x8000;
    static final int AVP_HIDDEN = 0x4000;
    static final int AVP_RESERVED_SHIFT = 10;

    private PacketDecoder() {
    }

    /** Decodes {@code len} octets of {@code datagram} from {@code off}. */
    public static DecodeResult decode(byte[] datagram, int off, int len) {
        Objects.checkFromIndexSize(off, len, datagram.length);
        return decode(ByteBuffer.wrap(datagram, off, len));
    }

    /** Decodes the octets between {@code buf.position()} and {@code buf.limit()}; the buffer is not modified. */
    public static DecodeResult decode(ByteBuffer buf) {
        L2tpHeader h = new L2tpHeader();
        DropReason reason = h.parse(buf);
        if (reason != null) {
            return new DecodeResult.Malformed(reason, h.detail(reason));
        }
        if (!h.isControl()) {
            byte[] payload = new byte[h.payloadLength()];
            buf.get(h.payloadOffset(), payload);
            return new DecodeResult.Data(h.tunnelId(), h.sessionId(), h.hasSequence(), h.ns(), h.nr(),
                    Bytes.of(payload));
        }
        List<RawAvp> avps = new ArrayList<>();
        DecodeResult.Malformed bad = parseAvps(buf, buf.position(), h.payloadOffset(), h.payloadLength(), avps);
        if (bad != null) {
            return bad;
        }
        return new DecodeResult.Control(new ControlPacket(h.tunnelId(), h.sessionId(), h.ns(), h.nr(), avps));
    }

    /** Splits the message body into AVPs, bounds-checking each Length (§4.1); offsets in details are datagram-relative. */
    private static DecodeResult.Malformed parseAvps(ByteBuffer buf, int base, int from, int length, List<RawAvp> out) {
        int end = from + length;
        int p = from;
        while (p < end) {
            int remaining = end - p;
            if (remaining < AVP_HEADER_LENGTH) {
                return new DecodeResult.Malformed(DropReason.AVP_TOO_SHORT, "AVP at offset " + (p - base)
                        + " has only " + remaining + " octets, fewer than the 6-octet AVP header");
            }
            int word = L2tpHeader.u16(buf, p);
            int avpLength = word & AVP_LENGTH_MASK;
            if (avpLength < AVP_HEADER_LENGTH) {
                return new DecodeResult.Malformed(DropReason.AVP_LENGTH_BELOW_HEADER, "AVP at offset " + (p - base)
                        + " declares length " + avpLength + ", below the 6-octet AVP header");
            }
            if (avpLength > remaining) {
                return new DecodeResult.Malformed(DropReason.AVP_OVERRUNS_MESSAGE, "AVP at offset " + (p - base)
                        + " declares length " + avpLength + " but only " + remaining + " octets remain");
            }
            byte[] value = new byte[avpLength - AVP_HEADER_LENGTH];
            buf.get(p + AVP_HEADER_LENGTH, value);
            out.add(new RawAvp((word & AVP_MANDATORY) != 0, (word & AVP_HIDDEN) != 0,
                    L2tpHeader.u16(buf, p + 2), L2tpHeader.u16(buf, p + 4), Bytes.of(value),
                    (word >>> AVP_RESERVED_SHIFT) & 0xF));
            p += avpLength;
        }
        return null;
    }
}
