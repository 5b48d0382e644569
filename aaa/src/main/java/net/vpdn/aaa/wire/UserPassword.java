package net.vpdn.aaa.wire;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import net.vpdn.ppp.auth.Secret;

/** User-Password hiding, RFC 2865 §5.2: c(i) = p(i) xor MD5(S + c(i-1)), c(0) = Request Authenticator. */
public final class UserPassword {
    /** RFC 2865 §5.2: the password is at most 128 octets. */
    public static final int MAX_LENGTH = 128;

    private UserPassword() {
    }

    /** Hides {@code password} (padded with zeros to a multiple of 16). */
    public static byte[] hide(byte[] password, Secret secret, byte[] requestAuthenticator) {
        if (password.length > MAX_LENGTH) {
            throw new IllegalArgumentException("password longer than 128 octets");
        }
        int padded = Math.max(16, (password.length + 15) / 16 * 16);
        byte[] out = java.util.Arrays.copyOf(password, padded);
        byte[] previous = requestAuthenticator;
        for (int i = 0; i < padded; i += 16) {
            byte[] b = md5(secret.utf8(), previous, 0);
            for (int j = 0; j < 16; j++) {
                out[i + j] ^= b[j];
            }
            previous = java.util.Arrays.copyOfRange(out, i, i + 16);
        }
        return out;
    }

    static byte[] md5(byte[] first, byte[] second, int unused) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update(first);
            md.update(second);
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }
}
