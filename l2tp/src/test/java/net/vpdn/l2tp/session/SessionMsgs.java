package net.vpdn.l2tp.session;

import java.util.List;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.MessageType;

/** Hand-built peer messages for the session tests; the peer's session id is {@link #PEER_SID}. */
final class SessionMsgs {
    static final int PEER_SID = 9;

    private SessionMsgs() {
    }

    /** A valid message of the type, addressed to {@code toSid}. */
    static ControlMessage of(MessageType t, int toSid) {
        List<Avp> avps = switch (t) {
            case ICRQ -> List.of(new Avp.AssignedSessionId(PEER_SID), new Avp.CallSerialNumber(3),
                    new Avp.CallingNumber("0312345678"));
            case OCRQ -> List.of(new Avp.AssignedSessionId(PEER_SID), new Avp.CallSerialNumber(3),
                    new Avp.MinimumBps(0), new Avp.MaximumBps(64000), new Avp.BearerType(true, false),
                    new Avp.FramingType(true, false), new Avp.CalledNumber("117"));
            case ICRP, OCRP -> List.of(new Avp.AssignedSessionId(PEER_SID));
            case ICCN, OCCN -> List.of(new Avp.TxConnectSpeed(1_000_000), new Avp.FramingType(true, false));
            case CDN -> List.of(new Avp.ResultCode(3, 0, "admin"), new Avp.AssignedSessionId(PEER_SID));
            case WEN -> List.of(new Avp.CallErrors(1, 2, 3, 4, 5, 6));
            case SLI -> List.of(new Avp.Accm(0xFFFF_FFFFL, 0));
            default -> List.of();
        };
        return new ControlMessage(t, 0, toSid, avps);
    }
}
