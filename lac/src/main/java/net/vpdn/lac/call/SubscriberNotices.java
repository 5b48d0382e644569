package net.vpdn.lac.call;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import net.vpdn.ppp.auth.chap.ChapCodec;
import net.vpdn.ppp.auth.pap.PapCodec;
import net.vpdn.ppp.proxy.ProxyAuth;
import net.vpdn.ppp.proxy.ProxyAuthKind;
import net.vpdn.ppp.wire.CpCode;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.CpPacketCodec;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppFrame;
import net.vpdn.ppp.wire.PppFrameCodec;
import net.vpdn.ppp.wire.PppFraming;
import net.vpdn.ppp.wire.PppProtocol;

/**
 * The few PPP packets the LAC itself sends a subscriber after the hand-off, when its PPP session
 * is silent: an authentication failure with the refusal reason, and LCP Terminate-Request. Both
 * use full framing: LCP is never compressed (RFC 1661 §6.6), and the client may not have
 * negotiated ACFC for the authentication protocols either.
 */
final class SubscriberNotices {
    private SubscriberNotices() {
    }

    /** RFC 1661 §5.5 Terminate-Request. */
    static ByteBuf terminateRequest(int identifier, String reason) {
        return frame(PppProtocol.LCP, CpPacket.of(CpCode.TERMINATE_REQUEST, identifier & 0xFF,
                Octets.of(reason.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    /** CHAP Failure (RFC 1994 §4.4) or PAP Authenticate-Nak (RFC 1334 §2.2.2) answering the proxied attempt. */
    static ByteBuf authFailure(ProxyAuth auth, int papIdentifier, String message) {
        if (auth.kind() == ProxyAuthKind.CHAP) {
            return frame(PppProtocol.CHAP, ChapCodec.message(ChapCodec.FAILURE, auth.identifier(), message));
        }
        return frame(PppProtocol.PAP, PapCodec.reply(PapCodec.NAK, papIdentifier, message));
    }

    private static ByteBuf frame(PppProtocol protocol, CpPacket packet) {
        return Unpooled.wrappedBuffer(PppFrameCodec.encode(PppFrame.of(protocol, CpPacketCodec.encode(packet)),
                PppFraming.initial()));
    }
}
