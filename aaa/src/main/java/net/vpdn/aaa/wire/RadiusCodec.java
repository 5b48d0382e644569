package net.vpdn.aaa.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.vpdn.ppp.wire.Octets;

/**
 * Bytes to {@link RadiusPacket} and back (RFC 2865 §3, §5). {@link #decode} is total: every
 * malformed input gives {@link DecodeResult.Malformed}. It checks syntax only; authenticators are
 * checked by {@link RadiusSigner}.
 */
public final class RadiusCodec {
    /** Header: code, identifier, length (2), authenticator (16). */
    public static final int HEADER_LENGTH = 20;
    /** Largest packet, RFC 2865 §3. */
    public static final int MAX_PACKET_LENGTH = 4096;

    private RadiusCodec() {
    }

    /** Decodes one datagram. Octets past the Length field are padding and ignored (RFC 2865 §3). */
    public static DecodeResult decode(byte[] datagram) {
        if (datagram.length < HEADER_LENGTH) {
            return malformed(DropReason.TOO_SHORT, "datagram of " + datagram.length + " octets, header needs 20");
        }
        int length = ((datagram[2] & 0xFF) << 8) | (datagram[3] & 0xFF);
        if (length < HEADER_LENGTH || length > MAX_PACKET_LENGTH || length > datagram.length) {
            return malformed(DropReason.BAD_LENGTH, "Length field " + length + " with " + datagram.length + " octets received");
        }
        Optional<RadiusCode> code = RadiusCode.of(datagram[0] & 0xFF);
        if (code.isEmpty()) {
            return malformed(DropReason.UNKNOWN_CODE, "code " + (datagram[0] & 0xFF));
        }
        List<RadiusAttribute> attributes = new ArrayList<>();
        int offset = HEADER_LENGTH;
        while (offset < length) {
            if (offset + 2 > length) {
                return malformed(DropReason.TRUNCATED_ATTRIBUTE, "attribute header at offset " + offset + " runs past length " + length);
            }
            int type = datagram[offset] & 0xFF;
            int attrLength = datagram[offset + 1] & 0xFF;
            if (attrLength < 2 || offset + attrLength > length) {
                return malformed(DropReason.TRUNCATED_ATTRIBUTE,
                        "attribute " + type + " at offset " + offset + " has length " + attrLength + ", " + (length - offset) + " octets left");
            }
            if (type == 0) {
                return malformed(DropReason.TRUNCATED_ATTRIBUTE, "attribute type 0 at offset " + offset);
            }
            attributes.add(new RadiusAttribute(type, Octets.of(datagram, offset + 2, attrLength - 2)));
            offset += attrLength;
        }
        return new DecodeResult.Decoded(new RadiusPacket(code.get(), datagram[1] & 0xFF,
                Octets.of(datagram, 4, 16), attributes));
    }

    /** Encodes {@code packet} as is (authenticator and attributes already final). */
    public static byte[] encode(RadiusPacket packet) {
        int length = HEADER_LENGTH;
        for (RadiusAttribute a : packet.attributes()) {
            length += 2 + a.value().length();
        }
        if (length > MAX_PACKET_LENGTH) {
            throw new IllegalArgumentException("packet of " + length + " octets exceeds 4096");
        }
        byte[] out = new byte[length];
        out[0] = (byte) packet.code().code();
        out[1] = (byte) packet.identifier();
        out[2] = (byte) (length >>> 8);
        out[3] = (byte) length;
        packet.authenticator().copyTo(out, 4);
        int offset = HEADER_LENGTH;
        for (RadiusAttribute a : packet.attributes()) {
            out[offset] = (byte) a.type();
            out[offset + 1] = (byte) (a.value().length() + 2);
            a.value().copyTo(out, offset + 2);
            offset += 2 + a.value().length();
        }
        return out;
    }

    /** Offsets of the values of every Message-Authenticator in a structurally valid packet. */
    static List<Integer> messageAuthenticatorOffsets(byte[] packet, int length) {
        List<Integer> offsets = new ArrayList<>(1);
        int offset = HEADER_LENGTH;
        while (offset + 2 <= length) {
            int attrLength = packet[offset + 1] & 0xFF;
            if ((packet[offset] & 0xFF) == Attr.MESSAGE_AUTHENTICATOR) {
                offsets.add(offset);
            }
            if (attrLength < 2) {
                break;
            }
            offset += attrLength;
        }
        return offsets;
    }

    private static DecodeResult malformed(DropReason reason, String detail) {
        return new DecodeResult.Malformed(reason, detail);
    }
}
