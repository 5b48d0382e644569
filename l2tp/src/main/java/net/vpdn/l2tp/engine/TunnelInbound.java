package net.vpdn.l2tp.engine;

import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.AvpCodec;
import net.vpdn.l2tp.avp.AvpDecodeResult;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.MessageSpec;
import net.vpdn.l2tp.avp.SpecResult;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.session.SessionRole;
import net.vpdn.l2tp.tunnel.TunnelEvent;
import net.vpdn.l2tp.tunnel.TunnelState;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.ControlPacket;
import net.vpdn.l2tp.wire.MessageType;
import net.vpdn.l2tp.wire.RawAvp;

/**
 * The inbound half of a {@link Tunnel}: an in-order control packet from the transport is typed,
 * checked against its message spec and handed to the tunnel state machine or to its session (a new
 * one for an ICRQ or OCRQ). Malformed or unknown-mandatory content ends the session or the tunnel as
 * RFC 2661 §4.1 says; nothing here throws.
 */
final class TunnelInbound {
    private final Tunnel tunnel;

    TunnelInbound(Tunnel tunnel) {
        this.tunnel = tunnel;
    }

    /** An in-order control message from the transport: type it, validate it and dispatch it. */
    void deliver(ControlPacket packet) {
        AvpDecodeResult decoded = AvpCodec.decode(packet.avps(), tunnel.secret());
        switch (decoded) {
            case AvpDecodeResult.Ok ok -> dispatch(new ControlMessage(ok.type(), packet.tunnelId(), packet.sessionId(), ok.avps()));
            case AvpDecodeResult.UnknownMessageType u -> {
                // RFC 2661 §4.1/§3.2: an unknown message type with the M bit clears the tunnel.
                if (u.mandatory()) {
                    tunnel.handle(new TunnelEvent.InvalidMessage(StopCcnResult.GENERAL_ERROR, ErrorCode.UNKNOWN_MANDATORY_AVP,
                            "unknown mandatory message type " + u.code()));
                }
            }
            case AvpDecodeResult.UnknownMandatoryAvp u -> unknownMandatory(packet, u.avp());
            case AvpDecodeResult.Invalid inv -> {
                tunnel.engine().stats().countDrop(EngineDrop.INVALID_AVPS);
                tunnel.engine().log().debug("tunnel {}: invalid AVPs: {}", tunnel.localId(), inv.detail());
                MessageType t = AvpCodec.peekMessageType(packet.avps()).orElse(null);
                if (t != null && t.scope() == MessageType.Scope.TUNNEL) {
                    tunnel.handle(new TunnelEvent.InvalidMessage(StopCcnResult.GENERAL_ERROR, inv.error(), inv.detail()));
                } else if (t != null) {
                    closeSession(packet, CdnResult.GENERAL_ERROR, inv.error(), inv.detail());
                }
            }
        }
    }

    /** RFC 2661 §4.1: an unknown AVP with the M bit ends the session or, for tunnel messages, the tunnel. */
    private void unknownMandatory(ControlPacket packet, RawAvp avp) {
        String why = "unknown mandatory AVP vendor " + avp.vendorId() + " type " + avp.attributeType();
        MessageType t = AvpCodec.peekMessageType(packet.avps()).orElse(null);
        if (t == null || t.scope() == MessageType.Scope.TUNNEL) {
            tunnel.handle(new TunnelEvent.InvalidMessage(StopCcnResult.GENERAL_ERROR, ErrorCode.UNKNOWN_MANDATORY_AVP, why));
        } else {
            closeSession(packet, CdnResult.GENERAL_ERROR, ErrorCode.UNKNOWN_MANDATORY_AVP, why);
        }
    }

    private void closeSession(ControlPacket packet, CdnResult result, ErrorCode error, String why) {
        Session s = tunnel.session(packet.sessionId());
        if (s != null) {
            s.close(result, error, why);
        } else if (packet.sessionId() == 0) {
            // A call request we will not take: answer its Assigned Session ID, if it is readable.
            int peerSid = Session.rawAssignedSessionId(packet);
            if (peerSid != 0) Session.refuseWithoutState(tunnel, peerSid, result, error, why);
        }
    }

    private void dispatch(ControlMessage m) {
        tunnel.engine().stats().countReceived(m.type());
        SpecResult spec = MessageSpec.validate(m);
        if (spec instanceof SpecResult.MissingAvp missing) {
            tunnel.engine().log().debug("tunnel {}: {} lacks {}", tunnel.localId(), m.type(), missing.missing());
            if (m.type().scope() == MessageType.Scope.TUNNEL) {
                tunnel.handle(new TunnelEvent.InvalidMessage(StopCcnResult.GENERAL_ERROR, missing.error(), missing.message()));
            } else {
                Session s = tunnel.session(m.sessionId());
                if (s != null) s.close(CdnResult.GENERAL_ERROR, missing.error(), missing.message());
            }
            return;
        }
        if (m.type().scope() == MessageType.Scope.TUNNEL) {
            tunnel.handle(new TunnelEvent.Received(m));
        } else {
            dispatchToSession(m);
        }
    }

    private void dispatchToSession(ControlMessage m) {
        if (tunnel.state() != TunnelState.ESTABLISHED) {
            tunnel.handle(new TunnelEvent.Received(m)); // the tunnel FSM answers a call message before ESTABLISHED
            return;
        }
        if (m.sessionId() == 0 && (m.type() == MessageType.ICRQ || m.type() == MessageType.OCRQ)) {
            newIncomingSession(m);
            return;
        }
        Session s = m.sessionId() == 0 && m.type() == MessageType.CDN ? byPeerSessionId(m) : tunnel.session(m.sessionId());
        if (s == null) {
            tunnel.engine().stats().countDrop(EngineDrop.UNKNOWN_SESSION);
            return;
        }
        s.handle(new net.vpdn.l2tp.session.SessionEvent.Received(m));
    }

    /**
     * RFC 2661 §5.4: a peer that clears a call before it learnt our session id sends the CDN with
     * session id 0; its Assigned Session ID names the call by the peer's own id. Rare, so a scan.
     */
    private Session byPeerSessionId(ControlMessage m) {
        int peerSid = m.find(Avp.AssignedSessionId.class).map(Avp.AssignedSessionId::sessionId).orElse(0);
        if (peerSid == 0) return null;
        for (Session s : tunnel.sessions()) {
            if (s.peerId() == peerSid) return s;
        }
        return null;
    }

    private void newIncomingSession(ControlMessage m) {
        int id = tunnel.engine().allocateSessionId(tunnel);
        SessionRole role = m.type() == MessageType.ICRQ ? SessionRole.LNS_INCOMING : SessionRole.LAC_OUTGOING;
        if (id == 0) {
            int peerSid = m.find(Avp.AssignedSessionId.class).map(Avp.AssignedSessionId::sessionId).orElse(0);
            Session.refuseWithoutState(tunnel, peerSid, CdnResult.TEMPORARY_LACK_OF_RESOURCES,
                    ErrorCode.INSUFFICIENT_RESOURCES, "no free session id");
            return;
        }
        Session s = new Session(tunnel, id, role, SessionListener.NONE);
        tunnel.addSession(s);
        s.handle(new net.vpdn.l2tp.session.SessionEvent.Received(m));
    }
}
