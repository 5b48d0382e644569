package net.vpdn.l2tp.wire;

/**
 * What {@link PacketDecoder} makes of one datagram: a control packet, a data message, or a
 * malformed datagram with the reason it is dropped. Never anything else, never an exception.
 */
public sealed interface DecodeResult {

    /** A control message (or ZLB) with its raw AVPs, RFC 2661 §3.1. */
    record Control(ControlPacket packet) implements DecodeResult {
    }

    /**
     * A data message, RFC 2661 §3.1: the PPP frame and the header fields. {@code ns} and
     * {@code nr} are 0 when {@code sequenced} is false; §3.1 reserves Nr on data messages.
     */
    record Data(int tunnelId, int sessionId, boolean sequenced, int ns, int nr, Bytes payload)
            implements DecodeResult {
    }

    /** A datagram dropped by the syntax layer; {@code detail} names the offending field. */
    record Malformed(DropReason reason, String detail) implements DecodeResult {
    }
}
