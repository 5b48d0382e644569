package net.vpdn.aaa.tunnel;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;

/**
 * Tunnel-Password salt encryption, RFC 2868 §3.5. The attribute value is Tag (1), Salt (2, high
 * bit set) and the ciphertext of Data-Length (1) + password + zero padding to 16-octet blocks:
 * b(1) = MD5(S + R + A), c(1) = p(1) xor b(1), b(i) = MD5(S + c(i-1)), with S the shared secret,
 * R the Request Authenticator of the Access-Request, A the salt.
 */
public final class TunnelPassword {

    private TunnelPassword() {
    }

    /** Why a Tunnel-Password value could not be decrypted. */
    public enum Problem {
        /** Fewer than tag + salt + one block. */
        TOO_SHORT,
        /** The ciphertext is not a multiple of 16 octets. */
        NOT_BLOCK_ALIGNED,
        /** The salt's most significant bit is clear (§3.5 says it MUST be set). */
        SALT_HIGH_BIT_CLEAR,
        /** The decrypted Data-Length exceeds the ciphertext (wrong secret or authenticator). */
        BAD_DATA_LENGTH
    }

    /** A decryption outcome: the tag and password, or a problem. */
    public sealed interface Result {
        /** Decrypted. */
        record Ok(int tag, Secret password) implements Result {
            @Override
            public String toString() {
                return "Ok[tag=" + tag + ", password=redacted]";
            }
        }

        /** Could not be decrypted. */
        record Failed(Problem problem, String detail) implements Result { }
    }

    /** Encrypts {@code password} for an attribute value (tag, salt, ciphertext). */
    public static Octets encrypt(int tag, Secret password, int salt, Secret secret, Octets requestAuthenticator) {
        byte[] pw = password.utf8();
        if (pw.length > 240) {
            throw new IllegalArgumentException("Tunnel-Password longer than 240 octets");
        }
        int padded = (pw.length + 1 + 15) / 16 * 16;
        byte[] plain = new byte[padded];
        plain[0] = (byte) pw.length;
        System.arraycopy(pw, 0, plain, 1, pw.length);
        byte[] saltBytes = {(byte) ((salt >>> 8) | 0x80), (byte) salt};
        byte[] cipher = xorChain(plain, secret, concat(requestAuthenticator.toArray(), saltBytes), true);
        byte[] out = new byte[3 + cipher.length];
        out[0] = (byte) tag;
        out[1] = saltBytes[0];
        out[2] = saltBytes[1];
        System.arraycopy(cipher, 0, out, 3, cipher.length);
        return Octets.of(out);
    }

    /** Decrypts an attribute value. Total: malformed values give {@link Result.Failed}. */
    public static Result decrypt(Octets value, Secret secret, Octets requestAuthenticator) {
        if (value.length() < 3 + 16) {
            return new Result.Failed(Problem.TOO_SHORT, "Tunnel-Password of " + value.length() + " octets, needs at least 19");
        }
        int cipherLength = value.length() - 3;
        if (cipherLength % 16 != 0) {
            return new Result.Failed(Problem.NOT_BLOCK_ALIGNED, "ciphertext of " + cipherLength + " octets");
        }
        if ((value.u8(1) & 0x80) == 0) {
            return new Result.Failed(Problem.SALT_HIGH_BIT_CLEAR, "salt 0x" + Integer.toHexString(value.u16(1)));
        }
        byte[] salt = value.slice(1, 2).toArray();
        byte[] plain = xorChain(value.slice(3, cipherLength).toArray(), secret,
                concat(requestAuthenticator.toArray(), salt), false);
        int dataLength = plain[0] & 0xFF;
        if (dataLength > cipherLength - 1) {
            return new Result.Failed(Problem.BAD_DATA_LENGTH, "Data-Length " + dataLength + " with " + (cipherLength - 1) + " octets of room");
        }
        int tag = value.u8(0) > Tagged.MAX_TAG ? 0 : value.u8(0);
        Secret password = Secret.ofBytes(Arrays.copyOfRange(plain, 1, 1 + dataLength));
        Arrays.fill(plain, (byte) 0);
        return new Result.Ok(tag, password);
    }

    private static byte[] xorChain(byte[] input, Secret secret, byte[] firstSeed, boolean encrypting) {
        byte[] out = new byte[input.length];
        byte[] seed = firstSeed;
        byte[] s = secret.utf8();
        for (int i = 0; i < input.length; i += 16) {
            byte[] b = md5(s, seed);
            for (int j = 0; j < 16; j++) {
                out[i + j] = (byte) (input[i + j] ^ b[j]);
            }
            // the chain always continues from the ciphertext block
            seed = Arrays.copyOfRange(encrypting ? out : input, i, i + 16);
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] md5(byte[] a, byte[] b) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update(a);
            md.update(b);
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }
}
