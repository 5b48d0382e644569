package net.vpdn.l2tp.tunnel;

import java.util.ArrayList;
import java.util.List;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.wire.Bytes;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.MessageType;

/** Builders for the tunnel-scope control messages, RFC 2661 §6.1-§6.5. Package-private and pure. */
final class TunnelMessages {

    /** Protocol Version 1, revision 0: L2TPv2, §4.4.3. */
    static final Avp.ProtocolVersion VERSION_1_0 = new Avp.ProtocolVersion(1, 0);

    /** Error Code of a result-5 StopCCN: the highest version we support, version 1 revision 0 (§4.4.2). */
    static final int HIGHEST_SUPPORTED_VERSION = 0x0100;

    private TunnelMessages() {
    }

    /** SCCRQ, §6.1; header tunnel id 0 because the peer has not assigned one yet. */
    static ControlMessage sccrq(TunnelParams p, int localTunnelId, Bytes challengeOrNull, Long tieBreakerOrNull) {
        List<Avp> avps = startAvps(p, localTunnelId);
        if (tieBreakerOrNull != null) avps.add(new Avp.TieBreaker(tieBreakerOrNull));
        if (challengeOrNull != null) avps.add(new Avp.Challenge(challengeOrNull));
        return new ControlMessage(MessageType.SCCRQ, 0, 0, avps);
    }

    /** SCCRP, §6.2. */
    static ControlMessage sccrp(TunnelParams p, int localTunnelId, int peerTunnelId, Bytes challengeOrNull,
                                Bytes responseOrNull) {
        List<Avp> avps = startAvps(p, localTunnelId);
        if (challengeOrNull != null) avps.add(new Avp.Challenge(challengeOrNull));
        if (responseOrNull != null) avps.add(new Avp.ChallengeResponse(responseOrNull));
        return new ControlMessage(MessageType.SCCRP, peerTunnelId, 0, avps);
    }

    /** SCCCN, §6.3. */
    static ControlMessage scccn(int peerTunnelId, Bytes responseOrNull) {
        List<Avp> avps = responseOrNull == null ? List.of() : List.of(new Avp.ChallengeResponse(responseOrNull));
        return new ControlMessage(MessageType.SCCCN, peerTunnelId, 0, avps);
    }

    /** StopCCN, §6.4: Assigned Tunnel ID (ours) and Result Code. */
    static ControlMessage stopCcn(int peerTunnelId, int localTunnelId, int result, int error, String message) {
        return new ControlMessage(MessageType.STOPCCN, peerTunnelId, 0, List.of(
                new Avp.AssignedTunnelId(localTunnelId), new Avp.ResultCode(result, error, message)));
    }

    /** HELLO, §6.5: no AVPs besides the Message Type. */
    static ControlMessage hello(int peerTunnelId) {
        return new ControlMessage(MessageType.HELLO, peerTunnelId, 0, List.of());
    }

    private static List<Avp> startAvps(TunnelParams p, int localTunnelId) {
        List<Avp> avps = new ArrayList<>();
        avps.add(VERSION_1_0);
        avps.add(new Avp.HostName(p.hostName()));
        avps.add(new Avp.FramingCapabilities(true, true));
        avps.add(new Avp.AssignedTunnelId(localTunnelId));
        avps.add(new Avp.ReceiveWindowSize(p.receiveWindow()));
        avps.add(new Avp.FirmwareRevision(p.firmwareRevision()));
        if (!p.vendorName().isEmpty()) avps.add(new Avp.VendorName(p.vendorName()));
        return avps;
    }
}
