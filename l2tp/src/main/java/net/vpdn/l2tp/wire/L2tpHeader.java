package net.vpdn.l2tp.wire;

import java.nio.ByteBuffer;

/**
 * The one L2TP header parser, RFC 2661 §3.1, as a reusable mutable flyweight so the data fast
 * path parses without allocating. Control decoding ({@link PacketDecoder}) uses it too.
 *
 * <pre>
 *  |T|L|x|x|S|x|O|P|x|x|x|x|  Ver  |          Length (opt)         |
 *  |           Tunnel ID           |           Session ID          |
 *  |             Ns (opt)          |             Nr (opt)          |
 *  |      Offset Size (opt)        |    Offset pad... (opt)
 * </pre>
 *
 * Not thread-safe: one instance per event loop. After a successful {@link #parse} the getters
 * describe the last packet; after a failed one only {@link #detail(DropReason)} is meaningful.
 */
public final class L2tpHeader {
    static final int FLAG_TYPE = 0x8000;
    static final int FLAG_LENGTH = 0x4000;
    static final int FLAG_SEQUENCE = 0x0800;
    static final int FLAG_OFFSET = 0x0200;
    static final int FLAG_PRIORITY = 0x0100;
    static final int VERSION_MASK = 0x000F;
    /** Ver of L2TPv2, §3.1. */
    public static final int VERSION_2 = 2;

    private int start;
    private int available;
    private int version;
    private boolean control;
    private boolean lengthPresent;
    private boolean sequence;
    private boolean offsetPresent;
    private boolean priority;
    private int headerLength;
    private int declaredLength;
    private int tunnelId;
    private int sessionId;
    private int ns;
    private int nr;
    private int offsetSize;
    private int payloadOffset;
    private int payloadLength;

    /**
     * Parses the header of the packet between {@code buf.position()} and {@code buf.limit()}
     * with absolute reads; the buffer's position and limit are left untouched.
     *
     * @return {@code null} on success, otherwise why the packet must be dropped
     */
    public DropReason parse(ByteBuffer buf) {
        reset(buf.position(), buf.limit() - buf.position());
        if (available < 2) {
            headerLength = 2;
            return DropReason.TRUNCATED_HEADER;
        }
        int flags = u16(buf, start);
        version = flags & VERSION_MASK;
        if (version != VERSION_2) {
            return version == 1 ? DropReason.L2F_VERSION
                    : version == 3 ? DropReason.L2TPV3_VERSION : DropReason.UNSUPPORTED_VERSION;
        }
        control = (flags & FLAG_TYPE) != 0;
        lengthPresent = (flags & FLAG_LENGTH) != 0;
        sequence = (flags & FLAG_SEQUENCE) != 0;
        offsetPresent = (flags & FLAG_OFFSET) != 0;
        priority = (flags & FLAG_PRIORITY) != 0;
        DropReason bits = checkControlBits();
        if (bits != null) {
            return bits;
        }
        headerLength = 6 + (lengthPresent ? 2 : 0) + (sequence ? 4 : 0) + (offsetPresent ? 2 : 0);
        if (available < headerLength) {
            return DropReason.TRUNCATED_HEADER;
        }
        return parseFields(buf);
    }

    private void reset(int position, int avail) {
        start = position;
        available = avail;
        version = 0;
        control = lengthPresent = sequence = offsetPresent = priority = false;
        headerLength = declaredLength = -1;
        tunnelId = sessionId = ns = nr = offsetSize = payloadOffset = payloadLength = 0;
    }

    /** §3.1: L and S MUST be 1, O and P MUST be 0 on control messages. */
    private DropReason checkControlBits() {
        if (!control) {
            return null;
        }
        if (!lengthPresent) return DropReason.CONTROL_WITHOUT_LENGTH;
        if (!sequence) return DropReason.CONTROL_WITHOUT_SEQUENCE;
        if (offsetPresent) return DropReason.CONTROL_WITH_OFFSET;
        if (priority) return DropReason.CONTROL_WITH_PRIORITY;
        return null;
    }

    private DropReason parseFields(ByteBuffer buf) {
        int i = start + 2;
        int end = start + available;
        if (lengthPresent) {
            declaredLength = u16(buf, i);
            i += 2;
            if (declaredLength < headerLength) return DropReason.LENGTH_BELOW_HEADER;
            if (declaredLength > available) return DropReason.LENGTH_MISMATCH;
            // Octets after Length (e.g. link padding) are not part of the message.
            end = start + declaredLength;
        }
        tunnelId = u16(buf, i);
        sessionId = u16(buf, i + 2);
        i += 4;
        if (sequence) {
            ns = u16(buf, i);
            nr = u16(buf, i + 2);
            i += 4;
        }
        if (offsetPresent) {
            offsetSize = u16(buf, i);
            i += 2;
            if (offsetSize > end - i) return DropReason.BAD_OFFSET;
            i += offsetSize;
        }
        payloadOffset = i;
        payloadLength = end - i;
        return null;
    }

    /** A precise description of why the last {@link #parse} failed with {@code reason}; allocates. */
    public String detail(DropReason reason) {
        return switch (reason) {
            case TRUNCATED_HEADER -> "header needs " + headerLength + " octets but the datagram has " + available;
            case L2F_VERSION -> "Ver 1 is L2F (RFC 2341), not L2TP";
            case L2TPV3_VERSION -> "Ver 3 is L2TPv3 (RFC 3931), not spoken here";
            case UNSUPPORTED_VERSION -> "Ver " + version + " is unknown (RFC 2661 §3.1 requires 2)";
            case LENGTH_BELOW_HEADER -> "Length field " + declaredLength + " is below the " + headerLength + "-octet header";
            case LENGTH_MISMATCH -> "Length field " + declaredLength + " exceeds the " + available + " octets received";
            case CONTROL_WITHOUT_LENGTH -> "control message without the L bit (RFC 2661 §3.1: MUST be 1)";
            case CONTROL_WITHOUT_SEQUENCE -> "control message without the S bit (RFC 2661 §3.1: MUST be 1)";
            case CONTROL_WITH_OFFSET -> "control message with the O bit (RFC 2661 §3.1: MUST be 0)";
            case CONTROL_WITH_PRIORITY -> "control message with the P bit (RFC 2661 §3.1: MUST be 0)";
            case BAD_OFFSET -> "Offset Size " + offsetSize + " at offset " + (headerLength - 2)
                    + " points past the end of the " + (lengthPresent ? declaredLength : available) + "-octet message";
            case AVP_TOO_SHORT, AVP_LENGTH_BELOW_HEADER, AVP_OVERRUNS_MESSAGE -> reason.label();
        };
    }

    static int u16(ByteBuffer buf, int index) {
        return ((buf.get(index) & 0xFF) << 8) | (buf.get(index + 1) & 0xFF);
    }

    /** T bit: a control message rather than a data message. */
    public boolean isControl() { return control; }

    /** Tunnel ID of the recipient. */
    public int tunnelId() { return tunnelId; }

    /** Session ID of the recipient (0 for tunnel-scope control messages). */
    public int sessionId() { return sessionId; }

    /** S bit: Ns and Nr are present. */
    public boolean hasSequence() { return sequence; }

    /** Ns, or 0 when absent. */
    public int ns() { return ns; }

    /** Nr, or 0 when absent (on data messages §3.1 says it is reserved and ignored). */
    public int nr() { return nr; }

    /** P bit: the data message asks for preferential queuing. */
    public boolean priority() { return priority; }

    /** Whether the L bit was set (always true on control messages that parsed). */
    public boolean hasLength() { return lengthPresent; }

    /** Absolute buffer index of the first payload octet (after the header and any offset padding). */
    public int payloadOffset() { return payloadOffset; }

    /** Octets of payload: up to Length when present, otherwise up to the buffer limit. */
    public int payloadLength() { return payloadLength; }

    /** Octets of the fixed header fields announced by the flags (offset padding excluded). */
    public int headerLength() { return headerLength; }
}
