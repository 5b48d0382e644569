package net.vpdn.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A shared secret, password or token read from the configuration.
 *
 * <p>{@link #toString()} never shows the value, so a secret inside any record can be logged safely.
 * {@link #equals(Object)} compares in constant time for equal lengths ({@link MessageDigest#isEqual}),
 * and {@link #hashCode()} is a constant so that hashing reveals nothing about the value.
 */
public final class Secret {
    /** What {@link #toString()} prints instead of the value. */
    public static final String REDACTED = "<redacted>";

    private final byte[] utf8;

    private Secret(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** Wraps a non-empty secret. */
    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the secret's UTF-8 bytes (what RADIUS and L2TP tunnel authentication hash). */
    public byte[] bytes() {
        return utf8.clone();
    }

    /** The secret as text; call only where the value is really needed (never for logs). */
    public String reveal() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** Length in bytes, e.g. for validation messages that must not show the value. */
    public int length() {
        return utf8.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(utf8, other.utf8);
    }

    @Override
    public int hashCode() {
        return 0x5ec7e7;
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
