package net.vpdn.ppp.auth.pap;

import java.nio.charset.StandardCharsets;
import net.vpdn.ppp.auth.AuthRequest;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.Decoded;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppDropReason;

/** PAP packets, RFC 1334 §2.2. Parsing is total. */
public final class PapCodec {
    /** Authenticate-Request. */
    public static final int REQUEST = 1;
    /** Authenticate-Ack. */
    public static final int ACK = 2;
    /** Authenticate-Nak. */
    public static final int NAK = 3;

    private PapCodec() {
    }

    /** The Peer-ID and Password of an Authenticate-Request. */
    public static Decoded<AuthRequest.Pap> parseRequest(CpPacket packet) {
        Octets d = packet.data();
        if (d.isEmpty() || 2 + d.u8(0) > d.length()) {
            return Decoded.malformed(PppDropReason.AUTH_FIELD_TRUNCATED,
                    "Authenticate-Request of " + d.length() + " octets cannot hold its Peer-ID and Passwd-Length");
        }
        int idLength = d.u8(0);
        int passwordLength = d.u8(1 + idLength);
        if (2 + idLength + passwordLength > d.length()) {
            return Decoded.malformed(PppDropReason.AUTH_FIELD_TRUNCATED,
                    "Passwd-Length " + passwordLength + " runs past the " + d.length() + "-octet data");
        }
        String user = new String(d.slice(1, idLength).toArray(), StandardCharsets.UTF_8);
        return new Decoded.Ok<>(new AuthRequest.Pap(user, Secret.ofBytes(d.slice(2 + idLength, passwordLength).toArray())));
    }

    /** An Authenticate-Request for {@code user} and {@code password}. */
    public static CpPacket request(int identifier, String user, Secret password) {
        byte[] id = truncate(user.getBytes(StandardCharsets.UTF_8));
        byte[] pw = truncate(password.utf8());
        byte[] data = new byte[2 + id.length + pw.length];
        data[0] = (byte) id.length;
        System.arraycopy(id, 0, data, 1, id.length);
        data[1 + id.length] = (byte) pw.length;
        System.arraycopy(pw, 0, data, 2 + id.length, pw.length);
        return new CpPacket(REQUEST, identifier, Octets.of(data));
    }

    /** An Authenticate-Ack or -Nak with {@code message}. */
    public static CpPacket reply(int code, int identifier, String message) {
        byte[] m = truncate(message.getBytes(StandardCharsets.UTF_8));
        byte[] data = new byte[1 + m.length];
        data[0] = (byte) m.length;
        System.arraycopy(m, 0, data, 1, m.length);
        return new CpPacket(code, identifier, Octets.of(data));
    }

    private static byte[] truncate(byte[] field) {
        return field.length <= 255 ? field : java.util.Arrays.copyOf(field, 255);
    }
}
