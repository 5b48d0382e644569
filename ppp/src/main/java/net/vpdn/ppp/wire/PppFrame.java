package net.vpdn.ppp.wire;

import java.util.Objects;

/**
 * One PPP frame after HDLC-like framing is gone (RFC 1661 §2): a protocol number and its
 * information field. Address/control and compression are codec concerns ({@link PppFrameCodec}).
 *
 * @param protocol the protocol field value (see {@link PppProtocol})
 * @param information the information field, padding included
 */
public record PppFrame(int protocol, Octets information) {

    public PppFrame {
        if (!PppProtocol.isValidNumber(protocol)) {
            throw new IllegalArgumentException("invalid PPP protocol number " + protocol);
        }
        Objects.requireNonNull(information, "information");
    }

    /** A frame of a known protocol. */
    public static PppFrame of(PppProtocol protocol, Octets information) {
        return new PppFrame(protocol.number(), information);
    }

    /** A control-protocol frame (LCP, IPCP, IPv6CP, PAP, CHAP) holding {@code packet}. */
    public static PppFrame of(PppProtocol protocol, CpPacket packet) {
        return new PppFrame(protocol.number(), CpPacketCodec.encode(packet));
    }
}
