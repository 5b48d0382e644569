package net.vpdn.l2tp.avp;

import java.util.List;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.MessageType;
import net.vpdn.l2tp.wire.RawAvp;

/**
 * What {@link AvpCodec#decode} makes of a control packet's AVPs. Only {@link Ok} is a message;
 * the others are semantic outcomes the state machines answer (RFC 2661 §4.1, §4.4.1, §4.4.2).
 */
public sealed interface AvpDecodeResult {

    /** A typed message: the Message Type and the other AVPs in wire order. */
    record Ok(MessageType type, List<Avp> avps) implements AvpDecodeResult {
        public Ok {
            avps = List.copyOf(avps);
        }

        /** The message addressed with the packet header's tunnel and session ids. */
        public ControlMessage toMessage(int tunnelId, int sessionId) {
            return new ControlMessage(type, tunnelId, sessionId, avps);
        }
    }

    /**
     * A Message Type this engine does not know. §4.4.1: with the M bit set the tunnel MUST be
     * cleared; without it the message MUST be ignored.
     */
    record UnknownMessageType(int code, boolean mandatory) implements AvpDecodeResult {
    }

    /**
     * An unrecognized AVP with the M bit set (an unknown type, a vendor AVP, or one with reserved
     * bits set). §4.1: the session (session message) or the tunnel (tunnel message) MUST be
     * terminated; §4.4.2 Error Code {@link ErrorCode#UNKNOWN_MANDATORY_AVP}.
     */
    record UnknownMandatoryAvp(RawAvp avp) implements AvpDecodeResult {
    }

    /** The AVPs cannot form a message; {@code error} is the Error Code to send back. */
    record Invalid(ErrorCode error, String detail) implements AvpDecodeResult {
    }
}
