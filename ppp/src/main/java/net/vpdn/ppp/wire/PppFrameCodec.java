package net.vpdn.ppp.wire;

/**
 * Encodes and decodes {@link PppFrame}s, handling the address/control field (RFC 1662 §3.1)
 * and its compression (ACFC, RFC 1661 §6.6) and protocol field compression (PFC, §6.5).
 * Pure and total: {@link #decode} never throws.
 */
public final class PppFrameCodec {
    static final int ADDRESS_ALL_STATIONS = 0xFF;
    static final int CONTROL_UI = 0x03;

    private PppFrameCodec() {
    }

    /** Decodes the whole of {@code frame}. */
    public static Decoded<PppFrame> decode(byte[] frame, PppFraming framing) {
        return decode(frame, 0, frame == null ? 0 : frame.length, framing);
    }

    /** Decodes {@code length} octets of {@code buf} from {@code offset}. */
    public static Decoded<PppFrame> decode(byte[] buf, int offset, int length, PppFraming framing) {
        if (buf == null || length <= 0) {
            return Decoded.malformed(PppDropReason.EMPTY, "empty PPP frame");
        }
        if (offset < 0 || offset > buf.length || length > buf.length - offset) {
            return Decoded.malformed(PppDropReason.TRUNCATED_HEADER,
                    "frame window [" + offset + "," + length + "] outside a " + buf.length + "-octet buffer");
        }
        int pos = offset;
        int end = offset + length;
        if ((buf[pos] & 0xFF) == ADDRESS_ALL_STATIONS) {
            if (end - pos < 2) {
                return Decoded.malformed(PppDropReason.TRUNCATED_HEADER, "address octet without control octet");
            }
            if ((buf[pos + 1] & 0xFF) != CONTROL_UI) {
                return Decoded.malformed(PppDropReason.BAD_CONTROL_FIELD,
                        String.format("control field 0x%02x after address 0xff, expected 0x03", buf[pos + 1] & 0xFF));
            }
            pos += 2;
        } else if (!framing.acceptCompressedAddressControl()) {
            return Decoded.malformed(PppDropReason.ACFC_NOT_NEGOTIATED,
                    String.format("frame starts with 0x%02x, not 0xff 0x03, and ACFC was not negotiated", buf[pos] & 0xFF));
        }
        return decodeProtocol(buf, pos, end, framing);
    }

    private static Decoded<PppFrame> decodeProtocol(byte[] buf, int pos, int end, PppFraming framing) {
        if (pos >= end) {
            return Decoded.malformed(PppDropReason.TRUNCATED_HEADER, "no protocol field");
        }
        int first = buf[pos] & 0xFF;
        int protocol;
        if ((first & 0x01) == 1) {
            if (!framing.acceptCompressedProtocol()) {
                return Decoded.malformed(PppDropReason.PFC_NOT_NEGOTIATED,
                        String.format("one-octet protocol 0x%02x and PFC was not negotiated", first));
            }
            protocol = first;
            pos += 1;
        } else {
            if (end - pos < 2) {
                return Decoded.malformed(PppDropReason.TRUNCATED_HEADER,
                        String.format("protocol field 0x%02x.. cut after one octet", first));
            }
            protocol = (first << 8) | (buf[pos + 1] & 0xFF);
            if (!PppProtocol.isValidNumber(protocol)) {
                return Decoded.malformed(PppDropReason.INVALID_PROTOCOL,
                        String.format("protocol 0x%04x has an even low octet", protocol));
            }
            pos += 2;
        }
        return new Decoded.Ok<>(new PppFrame(protocol, Octets.of(buf, pos, end - pos)));
    }

    /**
     * Encodes {@code frame} as the transmit side of {@code framing} says. LCP frames always go out
     * uncompressed: RFC 1661 §6.5 and §6.6 forbid PFC and ACFC on LCP packets.
     */
    public static byte[] encode(PppFrame frame, PppFraming framing) {
        boolean lcp = frame.protocol() == PppProtocol.LCP.number();
        boolean addressControl = lcp || framing.sendAddressControl();
        boolean shortProtocol = !lcp && framing.compressProtocol() && PppProtocol.isCompressible(frame.protocol());
        int header = (addressControl ? 2 : 0) + (shortProtocol ? 1 : 2);
        byte[] out = new byte[header + frame.information().length()];
        int pos = 0;
        if (addressControl) {
            out[pos++] = (byte) ADDRESS_ALL_STATIONS;
            out[pos++] = (byte) CONTROL_UI;
        }
        if (!shortProtocol) {
            out[pos++] = (byte) (frame.protocol() >>> 8);
        }
        out[pos++] = (byte) frame.protocol();
        frame.information().copyTo(out, pos);
        return out;
    }
}
