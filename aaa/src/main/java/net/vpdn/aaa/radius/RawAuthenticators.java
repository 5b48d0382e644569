package net.vpdn.aaa.radius;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Response/Request Authenticator (RFC 2865 §3, RFC 2866 §3, RFC 5176 §3) and the
 * Message-Authenticator (RFC 3579 §3.2) checked over the octets as received, not over a
 * re-encoding: a library that re-orders or normalises attributes must never turn a valid reply
 * into a rejected one (or the reverse). Pure; the caller has already checked the header.
 */
final class RawAuthenticators {
    private static final int HEADER = 20;
    private static final int MESSAGE_AUTHENTICATOR = 80;

    private RawAuthenticators() {
    }

    /** MD5(Code+Identifier+Length+{@code authForHash}+Attributes+Secret) equals the packet's authenticator. */
    static boolean authenticatorMatches(byte[] packet, int length, byte[] authForHash, byte[] secret) {
        MessageDigest md5 = md5();
        md5.update(packet, 0, 4);
        md5.update(authForHash);
        md5.update(packet, HEADER, length - HEADER);
        md5.update(secret);
        return MessageDigest.isEqual(md5.digest(), Arrays.copyOfRange(packet, 4, HEADER));
    }

    /**
     * HMAC-MD5 over the packet with {@code authForMac} in the authenticator field and the
     * Message-Authenticator value zeroed equals the value received. False when there is none.
     */
    static boolean messageAuthenticatorMatches(byte[] packet, int length, byte[] authForMac, byte[] secret) {
        byte[] copy = Arrays.copyOf(packet, length);
        System.arraycopy(authForMac, 0, copy, 4, 16);
        int at = HEADER;
        while (at + 2 <= length) {
            int type = copy[at] & 0xFF;
            int len = copy[at + 1] & 0xFF;
            if (len < 2 || at + len > length) return false;
            if (type == MESSAGE_AUTHENTICATOR && len == 18) {
                byte[] received = Arrays.copyOfRange(copy, at + 2, at + 18);
                Arrays.fill(copy, at + 2, at + 18, (byte) 0);
                return MessageDigest.isEqual(hmacMd5(secret, copy), received);
            }
            at += len;
        }
        return false;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }

    private static byte[] hmacMd5(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has HmacMD5", e);
        }
    }
}
