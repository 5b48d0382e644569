package net.vpdn.l2tp.avp;

import static net.vpdn.l2tp.avp.AvpType.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.MessageType;

/**
 * The AVPs each control message MUST carry, RFC 2661 §6.1-§6.14 (the Message Type itself is
 * always there once a message is typed). Checked separately from parsing, so a message that
 * parsed can still be refused with the right answer.
 *
 * <p>What to answer: RFC 2661 names no Error Code for a missing AVP. §4.4.2 gives Result Code 2
 * for both StopCCN ("General error--Error Code indicates the problem") and CDN ("Call
 * disconnected for the reason indicated in error code"), and of the General Error Codes the one
 * that describes a message lacking part of its required body is 2, "Length is wrong" (3 is
 * about field values, 8 about unknown AVPs). So a missing AVP is answered with 2/2, by StopCCN
 * for tunnel-scope messages and by CDN for session-scope ones ({@link MessageType#scope()}).
 */
public final class MessageSpec {
    /** StopCCN and CDN both use 2 for "general error, see Error Code", §4.4.2. */
    public static final int GENERAL_ERROR = StopCcnResult.GENERAL_ERROR.code();

    private static final Map<MessageType, List<AvpType>> REQUIRED = new EnumMap<>(MessageType.class);
    private static final Map<MessageType, String> SECTION = new EnumMap<>(MessageType.class);

    static {
        need(MessageType.SCCRQ, "§6.1", PROTOCOL_VERSION, HOST_NAME, FRAMING_CAPABILITIES, ASSIGNED_TUNNEL_ID);
        need(MessageType.SCCRP, "§6.2", PROTOCOL_VERSION, FRAMING_CAPABILITIES, HOST_NAME, ASSIGNED_TUNNEL_ID);
        need(MessageType.SCCCN, "§6.3");
        need(MessageType.STOPCCN, "§6.4", ASSIGNED_TUNNEL_ID, RESULT_CODE);
        need(MessageType.HELLO, "§6.5");
        need(MessageType.OCRQ, "§6.6", ASSIGNED_SESSION_ID, CALL_SERIAL_NUMBER, MINIMUM_BPS, MAXIMUM_BPS,
                BEARER_TYPE, FRAMING_TYPE, CALLED_NUMBER);
        need(MessageType.OCRP, "§6.7", ASSIGNED_SESSION_ID);
        need(MessageType.OCCN, "§6.8", TX_CONNECT_SPEED, FRAMING_TYPE);
        need(MessageType.ICRQ, "§6.9", ASSIGNED_SESSION_ID, CALL_SERIAL_NUMBER);
        need(MessageType.ICRP, "§6.10", ASSIGNED_SESSION_ID);
        need(MessageType.ICCN, "§6.11", TX_CONNECT_SPEED, FRAMING_TYPE);
        need(MessageType.CDN, "§6.12", RESULT_CODE, ASSIGNED_SESSION_ID);
        need(MessageType.WEN, "§6.13", CALL_ERRORS);
        need(MessageType.SLI, "§6.14", ACCM);
    }

    private MessageSpec() {
    }

    private static void need(MessageType type, String section, AvpType... avps) {
        REQUIRED.put(type, List.of(avps));
        SECTION.put(type, section);
    }

    /** The AVPs (besides Message Type) that RFC 2661 §6.x says MUST be present, in RFC order. */
    public static List<AvpType> required(MessageType type) {
        return REQUIRED.get(type);
    }

    /** The RFC 2661 section defining the message, e.g. "§6.11". */
    public static String section(MessageType type) {
        return SECTION.get(type);
    }

    /** Checks that {@code m} carries every required AVP; reports the first missing one in RFC order. */
    public static SpecResult validate(ControlMessage m) {
        for (AvpType t : REQUIRED.get(m.type())) {
            if (m.avps().stream().noneMatch(a -> a.type() == t)) {
                String text = m.type() + " lacks the " + AvpTable.row(t).name() + " AVP that RFC 2661 "
                        + SECTION.get(m.type()) + " requires";
                return new SpecResult.MissingAvp(t, GENERAL_ERROR, ErrorCode.LENGTH_WRONG, text);
            }
        }
        return new SpecResult.Valid();
    }
}
