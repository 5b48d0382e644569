package net.vpdn.l2tp.avp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.wire.Bytes;

/**
 * AVP hiding, RFC 2661 §4.3. The hidden subformat is Original Length (2 octets), the original
 * value, then padding. It is XORed in 16-octet segments with a key stream:
 * <pre>
 *   b1 = MD5(attribute type (2 octets) + secret + random vector)   c1 = p1 xor b1
 *   bi = MD5(secret + c(i-1))                                       ci = pi xor bi
 * </pre>
 * The last segment may be shorter than 16; only its octets are XORed. Pure and stateless.
 */
public final class AvpHiding {
    private static final int SEGMENT = 16;

    private AvpHiding() {
    }

    /** The outcome of {@link #unhide}: the original value, or why the ciphertext is unusable. */
    public sealed interface Unhidden {
        /** The deciphered original value (padding removed). */
        record Plain(Bytes value) implements Unhidden {
        }

        /** The ciphertext is too short, or its Original Length is larger than what follows it. */
        record Bad(String detail) implements Unhidden {
        }
    }

    /**
     * Hides {@code plain} as the value of an AVP of {@code attributeType}.
     *
     * @param padding octets appended after the value to obscure its length (may be empty)
     * @return the Attribute Value field of the hidden AVP: 2 + plain + padding octets
     */
    public static byte[] hide(int attributeType, byte[] plain, TunnelSecret secret, byte[] randomVector, byte[] padding) {
        if (plain.length > 0xFFFF) {
            throw new IllegalArgumentException("Original Length " + plain.length + " does not fit in 2 octets");
        }
        byte[] sub = new byte[2 + plain.length + padding.length];
        sub[0] = (byte) (plain.length >>> 8);
        sub[1] = (byte) plain.length;
        System.arraycopy(plain, 0, sub, 2, plain.length);
        System.arraycopy(padding, 0, sub, 2 + plain.length, padding.length);
        byte[] s = secret.octets();
        byte[] key = md5(typeOctets(attributeType), s, randomVector);
        for (int off = 0; off < sub.length; off += SEGMENT) {
            int n = Math.min(SEGMENT, sub.length - off);
            for (int i = 0; i < n; i++) {
                sub[off + i] ^= key[i];
            }
            if (off + SEGMENT < sub.length) {
                key = md5(s, java.util.Arrays.copyOfRange(sub, off, off + SEGMENT));
            }
        }
        return sub;
    }

    /**
     * Deciphers the value of a hidden AVP. Total: a ciphertext shorter than the 2-octet Original
     * Length, or an Original Length beyond the octets that follow it (a wrong secret or a forged
     * AVP), yields {@link Unhidden.Bad} instead of reading past the value.
     */
    public static Unhidden unhide(int attributeType, Bytes hidden, TunnelSecret secret, Bytes randomVector) {
        byte[] c = hidden.toArray();
        if (c.length < 2) {
            return new Unhidden.Bad("hidden value of attribute " + attributeType + " is " + c.length
                    + " octets, too short for the 2-octet Original Length");
        }
        byte[] s = secret.octets();
        byte[] p = new byte[c.length];
        byte[] key = md5(typeOctets(attributeType), s, randomVector.toArray());
        for (int off = 0; off < c.length; off += SEGMENT) {
            int n = Math.min(SEGMENT, c.length - off);
            for (int i = 0; i < n; i++) {
                p[off + i] = (byte) (c[off + i] ^ key[i]);
            }
            if (off + SEGMENT < c.length) {
                key = md5(s, java.util.Arrays.copyOfRange(c, off, off + SEGMENT));
            }
        }
        int originalLength = ((p[0] & 0xFF) << 8) | (p[1] & 0xFF);
        if (originalLength > c.length - 2) {
            return new Unhidden.Bad("hidden value of attribute " + attributeType + " deciphers to Original Length "
                    + originalLength + " but only " + (c.length - 2) + " octets follow (wrong secret or forged AVP)");
        }
        return new Unhidden.Plain(Bytes.of(p, 2, originalLength));
    }

    private static byte[] typeOctets(int attributeType) {
        return new byte[] {(byte) (attributeType >>> 8), (byte) attributeType};
    }

    private static byte[] md5(byte[]... parts) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
        for (byte[] part : parts) {
            md.update(part);
        }
        return md.digest();
    }
}
