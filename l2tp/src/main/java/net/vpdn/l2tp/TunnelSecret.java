package net.vpdn.l2tp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The shared secret of a tunnel (RFC 2661 §4.3 hiding, §5.1.1 tunnel authentication).
 * Its {@code toString} never shows the value, so it cannot leak through logs or API output.
 */
public final class TunnelSecret {
    private final byte[] value;

    private TunnelSecret(byte[] value) {
        this.value = value;
    }

    /** The secret's octets as configured (UTF-8 of the text). */
    public static TunnelSecret of(String text) {
        return new TunnelSecret(text.getBytes(StandardCharsets.UTF_8));
    }

    public static TunnelSecret ofBytes(byte[] octets) {
        return new TunnelSecret(octets.clone());
    }

    /** A fresh copy of the octets, for the MD5 computations that need them. */
    public byte[] octets() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TunnelSecret s && java.security.MessageDigest.isEqual(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "TunnelSecret[<redacted>]";
    }
}
