package net.vpdn.ppp.auth.chap;

import java.nio.charset.StandardCharsets;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.Decoded;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppDropReason;

/** CHAP packets, RFC 1994 §4 (MS-CHAPv2 uses the same codes, RFC 2759 §3–§6). Parsing is total. */
public final class ChapCodec {
    /** Challenge. */
    public static final int CHALLENGE = 1;
    /** Response. */
    public static final int RESPONSE = 2;
    /** Success. */
    public static final int SUCCESS = 3;
    /** Failure. */
    public static final int FAILURE = 4;

    /**
     * The Value and Name of a Challenge or Response.
     *
     * @param value the Value field (Value-Size octets)
     * @param name the Name field, the rest of the packet
     */
    public record ChapValue(Octets value, String name) { }

    private ChapCodec() {
    }

    /** Parses a Challenge or Response. */
    public static Decoded<ChapValue> parseValue(CpPacket packet) {
        Octets d = packet.data();
        if (d.isEmpty() || 1 + d.u8(0) > d.length()) {
            return Decoded.malformed(PppDropReason.AUTH_FIELD_TRUNCATED,
                    "CHAP code " + packet.code() + ": Value-Size " + (d.isEmpty() ? "missing" : d.u8(0))
                            + " in " + d.length() + " octets of data");
        }
        int size = d.u8(0);
        String name = new String(d.slice(1 + size, d.length() - 1 - size).toArray(), StandardCharsets.UTF_8);
        return new Decoded.Ok<>(new ChapValue(d.slice(1, size), name));
    }

    /** A Challenge or Response packet. */
    public static CpPacket value(int code, int identifier, Octets value, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[1 + value.length() + n.length];
        data[0] = (byte) value.length();
        value.copyTo(data, 1);
        System.arraycopy(n, 0, data, 1 + value.length(), n.length);
        return new CpPacket(code, identifier, Octets.of(data));
    }

    /** A Success or Failure packet carrying {@code message}. */
    public static CpPacket message(int code, int identifier, String message) {
        return new CpPacket(code, identifier, Octets.of(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** The message of a Success or Failure packet. */
    public static String messageOf(CpPacket packet) {
        return new String(packet.data().toArray(), StandardCharsets.UTF_8);
    }
}
