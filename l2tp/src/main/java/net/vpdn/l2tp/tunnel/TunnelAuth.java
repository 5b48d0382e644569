package net.vpdn.l2tp.tunnel;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.wire.Bytes;
import net.vpdn.l2tp.wire.MessageType;

/**
 * Tunnel authentication, RFC 2661 §5.1.1 with the Challenge Response AVP of §4.4.3.
 * The response is computed as in CHAP (RFC 1994): MD5 over one octet of identifier, the shared
 * secret and the challenge, where the identifier is the Message Type of the message that
 * <em>carries</em> the response: SCCRP (2) answers the SCCRQ's Challenge, SCCCN (3) the SCCRP's.
 */
public final class TunnelAuth {

    /** Length of a Challenge Response, §4.4.3. */
    public static final int RESPONSE_LENGTH = 16;

    /** Length of the Challenges this engine sends (§4.4.3 allows any non-zero length). */
    public static final int CHALLENGE_LENGTH = 16;

    private TunnelAuth() {
    }

    /** MD5(messageTypeCode octet ‖ secret ‖ challenge). */
    public static Bytes response(int messageTypeCode, TunnelSecret secret, Bytes challenge) {
        MessageDigest md5 = md5();
        md5.update((byte) messageTypeCode);
        md5.update(secret.octets());
        md5.update(challenge.toArray());
        return Bytes.of(md5.digest());
    }

    /** {@link #response(int, TunnelSecret, Bytes)} with the carrying message's type. */
    public static Bytes response(MessageType carrier, TunnelSecret secret, Bytes challenge) {
        return response(carrier.code(), secret, challenge);
    }

    /** Whether {@code received} is the right response; compares in constant time. */
    public static boolean verify(int messageTypeCode, TunnelSecret secret, Bytes challenge, Bytes received) {
        byte[] expected = response(messageTypeCode, secret, challenge).toArray();
        return MessageDigest.isEqual(expected, received.toArray());
    }

    /** {@link #verify(int, TunnelSecret, Bytes, Bytes)} with the carrying message's type. */
    public static boolean verify(MessageType carrier, TunnelSecret secret, Bytes challenge, Bytes received) {
        return verify(carrier.code(), secret, challenge, received);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
    }
}
