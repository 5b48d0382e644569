package net.vpdn.l2tp.session;

import java.util.ArrayList;
import java.util.List;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.MessageType;

/**
 * Builders for the session-scope messages, RFC 2661 §6.6-§6.14. The header tunnel id is left 0
 * for the engine to fill; the header session id is the peer's.
 */
final class SessionMessages {

    private SessionMessages() {
    }

    /** ICRQ (§6.9) or OCRQ (§6.6): Assigned Session ID and Call Serial Number first, then the call AVPs. */
    static ControlMessage request(MessageType type, int localSessionId, long serial, CallParams p) {
        List<Avp> avps = new ArrayList<>();
        avps.add(new Avp.AssignedSessionId(localSessionId));
        avps.add(new Avp.CallSerialNumber(serial));
        addCallAvps(avps, p);
        return new ControlMessage(type, 0, 0, avps);
    }

    /** ICRP (§6.10) or OCRP (§6.7). */
    static ControlMessage reply(MessageType type, int peerSessionId, int localSessionId, CallParams p) {
        List<Avp> avps = new ArrayList<>();
        avps.add(new Avp.AssignedSessionId(localSessionId));
        addCallAvps(avps, p);
        return new ControlMessage(type, 0, peerSessionId, avps);
    }

    /** ICCN (§6.11) or OCCN (§6.8). */
    static ControlMessage connected(MessageType type, int peerSessionId, CallParams p) {
        List<Avp> avps = new ArrayList<>();
        addCallAvps(avps, p);
        return new ControlMessage(type, 0, peerSessionId, avps);
    }

    /** CDN (§6.12): Result Code and our Assigned Session ID, so the peer can match it even before it knows ours. */
    static ControlMessage cdn(int peerSessionId, int localSessionId, int result, int error, String message) {
        return new ControlMessage(MessageType.CDN, 0, peerSessionId, List.of(
                new Avp.ResultCode(result, error, message), new Avp.AssignedSessionId(localSessionId)));
    }

    /** SLI (§6.14), LNS to LAC. */
    static ControlMessage sli(int peerSessionId, long sendAccm, long receiveAccm) {
        return new ControlMessage(MessageType.SLI, 0, peerSessionId, List.of(new Avp.Accm(sendAccm, receiveAccm)));
    }

    /** WEN (§6.13), LAC to LNS. */
    static ControlMessage wen(int peerSessionId, Avp.CallErrors errors) {
        return new ControlMessage(MessageType.WEN, 0, peerSessionId, List.of(errors));
    }

    private static void addCallAvps(List<Avp> avps, CallParams p) {
        for (Avp a : p.avps()) {
            if (!(a instanceof Avp.AssignedSessionId) && !(a instanceof Avp.CallSerialNumber)) avps.add(a);
        }
    }
}
