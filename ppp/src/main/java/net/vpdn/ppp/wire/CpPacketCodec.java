package net.vpdn.ppp.wire;

/**
 * Encodes and decodes {@link CpPacket}s (RFC 1661 §5). Pure and total: {@link #decode} never
 * throws. Octets after Length are padding and ignored, as §5 requires.
 */
public final class CpPacketCodec {

    private CpPacketCodec() {
    }

    /** Decodes the information field of a control-protocol frame. */
    public static Decoded<CpPacket> decode(Octets information) {
        int available = information.length();
        if (available < CpPacket.HEADER_LENGTH) {
            return Decoded.malformed(PppDropReason.CP_TRUNCATED_HEADER,
                    "control packet of " + available + " octets, header needs 4");
        }
        int length = information.u16(2);
        if (length < CpPacket.HEADER_LENGTH) {
            return Decoded.malformed(PppDropReason.CP_LENGTH_TOO_SMALL, "Length field " + length + " below 4");
        }
        if (length > available) {
            return Decoded.malformed(PppDropReason.CP_LENGTH_EXCEEDS_FRAME,
                    "Length field " + length + " exceeds the " + available + " octets received");
        }
        Octets data = information.slice(CpPacket.HEADER_LENGTH, length - CpPacket.HEADER_LENGTH);
        return new Decoded.Ok<>(new CpPacket(information.u8(0), information.u8(1), data));
    }

    /** Encodes {@code packet} with its exact Length. */
    public static Octets encode(CpPacket packet) {
        byte[] out = new byte[packet.length()];
        out[0] = (byte) packet.code();
        out[1] = (byte) packet.identifier();
        out[2] = (byte) (packet.length() >>> 8);
        out[3] = (byte) packet.length();
        packet.data().copyTo(out, CpPacket.HEADER_LENGTH);
        return Octets.of(out);
    }
}
