package net.vpdn.l2tp.tunnel;

import java.util.ArrayList;
import java.util.List;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.MessageType;

/** Hand-built peer messages for the tunnel tests. */
final class Msgs {
    static final int PEER_TID = 77;

    private Msgs() {
    }

    static ControlMessage sccrq(Avp... extra) {
        return start(MessageType.SCCRQ, 0, extra);
    }

    static ControlMessage sccrp(int toTid, Avp... extra) {
        return start(MessageType.SCCRP, toTid, extra);
    }

    static ControlMessage start(MessageType t, int toTid, Avp... extra) {
        List<Avp> avps = new ArrayList<>(List.of(new Avp.ProtocolVersion(1, 0), new Avp.HostName("peer"),
                new Avp.FramingCapabilities(true, false), new Avp.AssignedTunnelId(PEER_TID)));
        avps.addAll(List.of(extra));
        return new ControlMessage(t, toTid, 0, avps);
    }

    static ControlMessage scccn(int toTid, Avp... avps) {
        return new ControlMessage(MessageType.SCCCN, toTid, 0, List.of(avps));
    }

    static ControlMessage stopCcn(int toTid, int result, int error) {
        return new ControlMessage(MessageType.STOPCCN, toTid, 0,
                List.of(new Avp.AssignedTunnelId(PEER_TID), new Avp.ResultCode(result, error, "bye")));
    }

    static ControlMessage hello(int toTid) {
        return new ControlMessage(MessageType.HELLO, toTid, 0, List.of());
    }

    static ControlMessage icrq(int toTid) {
        return new ControlMessage(MessageType.ICRQ, toTid, 0,
                List.of(new Avp.AssignedSessionId(5), new Avp.CallSerialNumber(1)));
    }

    /** The messages the FSM asked to send, in order. */
    static List<ControlMessage> sent(List<TunnelAction> actions) {
        return actions.stream().filter(a -> a instanceof TunnelAction.Send)
                .map(a -> ((TunnelAction.Send) a).msg()).toList();
    }

    static ControlMessage onlySent(List<TunnelAction> actions) {
        List<ControlMessage> s = sent(actions);
        if (s.size() != 1) throw new AssertionError("expected one message, got " + s);
        return s.get(0);
    }
}
