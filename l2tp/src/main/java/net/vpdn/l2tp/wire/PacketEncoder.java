package net.vpdn.l2tp.wire;

import java.nio.ByteBuffer;

/**
 * Encodes L2TPv2 packets, RFC 2661 §3.1 and §4.1. The inverse of {@link PacketDecoder}.
 * Values that cannot be represented (an AVP over 1023 octets, a message over 65535) are
 * programmer errors and throw {@link IllegalArgumentException}; the AVP layer never builds them
 * from valid input.
 */
public final class PacketEncoder {
    /** Control header: flags, Length, Tunnel ID, Session ID, Ns, Nr. */
    public static final int CONTROL_HEADER_LENGTH = 12;
    /** Largest AVP the 10-bit Length field can describe, §4.1. */
    public static final int MAX_AVP_LENGTH = 0x03FF;
    /** Largest message the 16-bit Length field can describe, §3.1. */
    public static final int MAX_MESSAGE_LENGTH = 0xFFFF;
    /** T, L and S set, Ver 2: the only legal first word of a control message. */
    static final int CONTROL_FLAGS = L2tpHeader.FLAG_TYPE | L2tpHeader.FLAG_LENGTH | L2tpHeader.FLAG_SEQUENCE
            | L2tpHeader.VERSION_2;

    private PacketEncoder() {
    }

    /** The datagram for a control packet (a ZLB when it has no AVPs), with its Ns and Nr. */
    public static byte[] encodeControl(ControlPacket p) {
        int length = CONTROL_HEADER_LENGTH;
        for (RawAvp a : p.avps()) {
            int avpLength = PacketDecoder.AVP_HEADER_LENGTH + a.value().length();
            if (avpLength > MAX_AVP_LENGTH) {
                throw new IllegalArgumentException("AVP type " + a.attributeType() + " is " + avpLength
                        + " octets, over the " + MAX_AVP_LENGTH + "-octet limit of RFC 2661 §4.1");
            }
            length += avpLength;
        }
        if (length > MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("control message of " + length + " octets exceeds " + MAX_MESSAGE_LENGTH);
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        out.putShort((short) CONTROL_FLAGS).putShort((short) length)
                .putShort((short) p.tunnelId()).putShort((short) p.sessionId())
                .putShort((short) p.ns()).putShort((short) p.nr());
        for (RawAvp a : p.avps()) {
            int word = (a.mandatory() ? PacketDecoder.AVP_MANDATORY : 0) | (a.hidden() ? PacketDecoder.AVP_HIDDEN : 0)
                    | (a.reservedBits() << PacketDecoder.AVP_RESERVED_SHIFT)
                    | (PacketDecoder.AVP_HEADER_LENGTH + a.value().length());
            out.putShort((short) word).putShort((short) a.vendorId()).putShort((short) a.attributeType());
            out.put(a.value().toArray());
        }
        return out.array();
    }

    /**
     * Writes a data message header at {@code dst}'s position (relative puts: the position
     * advances) and returns its length, 6 octets or 10 with sequencing. Allocates nothing.
     *
     * <p>The L bit is NOT set: the datagram ends where the PPP frame ends, so nothing needs
     * patching after the payload is appended. No O bit, no P bit.
     */
    public static int writeDataHeader(ByteBuffer dst, int tunnelId, int sessionId, boolean sequenced, int ns, int nr) {
        return writeDataHeader(dst, tunnelId, sessionId, sequenced, ns, nr, false);
    }

    /** As {@link #writeDataHeader(ByteBuffer, int, int, boolean, int, int)}, with the P bit (§3.1: e.g. LCP echo keepalives). */
    public static int writeDataHeader(ByteBuffer dst, int tunnelId, int sessionId, boolean sequenced, int ns, int nr,
                                      boolean priority) {
        int flags = L2tpHeader.VERSION_2 | (sequenced ? L2tpHeader.FLAG_SEQUENCE : 0)
                | (priority ? L2tpHeader.FLAG_PRIORITY : 0);
        dst.putShort((short) flags).putShort((short) tunnelId).putShort((short) sessionId);
        if (!sequenced) {
            return 6;
        }
        dst.putShort((short) ns).putShort((short) nr);
        return 10;
    }

    /** A whole data message datagram: header (as {@link #writeDataHeader}) followed by {@code payload}. */
    public static byte[] encodeData(int tunnelId, int sessionId, boolean sequenced, int ns, int nr, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate((sequenced ? 10 : 6) + payload.length);
        writeDataHeader(out, tunnelId, sessionId, sequenced, ns, nr);
        out.put(payload);
        return out.array();
    }
}
