package net.vpdn.ppp.auth.chap;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;

/** The CHAP-MD5 response function, RFC 1994 §4.1: MD5(Identifier || secret || Challenge). */
public final class ChapMd5 {
    private ChapMd5() {
    }

    /** The 16-octet Response Value for {@code identifier}, {@code secret} and {@code challenge}. */
    public static Octets response(int identifier, Secret secret, Octets challenge) {
        MessageDigest md5 = md5();
        md5.update((byte) identifier);
        md5.update(secret.utf8());
        md5.update(challenge.toArray());
        return Octets.of(md5.digest());
    }

    /** Checks {@code response} in constant time. */
    public static boolean verify(int identifier, Secret secret, Octets challenge, Octets response) {
        return MessageDigest.isEqual(response(identifier, secret, challenge).toArray(), response.toArray());
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK must provide MD5", e);
        }
    }
}
