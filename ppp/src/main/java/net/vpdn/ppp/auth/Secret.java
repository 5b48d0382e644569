package net.vpdn.ppp.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password or shared secret. Never printed: {@link #toString()} is redacted. Compared in
 * constant time.
 */
public final class Secret {
    private final byte[] utf8;

    private Secret(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** A secret from its text (stored as UTF-8). */
    public static Secret of(String text) {
        return new Secret(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /** A secret from raw octets (a PAP password as received). */
    public static Secret ofBytes(byte[] octets) {
        return new Secret(octets.clone());
    }

    /** A copy of the UTF-8 octets. */
    public byte[] utf8() {
        return utf8.clone();
    }

    /** The text, for MS-CHAPv2's UTF-16LE password encoding. */
    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && MessageDigest.isEqual(utf8, s.utf8);
    }

    @Override
    public int hashCode() {
        return utf8.length;
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
