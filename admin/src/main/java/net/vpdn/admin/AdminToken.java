package net.vpdn.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The admin API's bearer token. Only its SHA-256 digest is kept, so neither a heap dump nor a
 * {@code toString} reveals it, and {@link #matches} compares digests of equal length in constant time
 * (comparing raw strings would leak the length and the first differing position through timing).
 */
public final class AdminToken {

    private final byte[] digest;

    private AdminToken(byte[] digest) {
        this.digest = digest;
    }

    /**
     * Wraps a configured token.
     *
     * @throws IllegalArgumentException when the token is blank or contains characters an HTTP header cannot carry
     */
    public static AdminToken of(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("admin token must not be blank");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                // Message names the position only: the token itself must never reach a log.
                throw new IllegalArgumentException("admin token has a space, control or non-ASCII character at position " + i);
            }
        }
        return new AdminToken(sha256(token));
    }

    /** Reads a token from a file (first line, surrounding white space dropped). */
    public static AdminToken fromFile(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        int eol = text.indexOf('\n');
        return of(eol < 0 ? text : text.substring(0, eol).strip());
    }

    /** True when {@code presented} is the token; constant time in the presented value. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "AdminToken[redacted]";
    }
}
