package net.vpdn.admin;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A complete HTTP reply produced by an extra route mounted with {@link AdminServer.Builder#route}
 * (for example {@code /metrics}). Immutable: the body is copied in and out.
 */
public final class HttpReply {

    private final int status;
    private final String contentType;
    private final byte[] body;

    private HttpReply(int status, String contentType, byte[] body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        this.status = status;
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.body = body.clone();
    }

    /** A reply with the given status, content type and body bytes. */
    public static HttpReply of(int status, String contentType, byte[] body) {
        return new HttpReply(status, contentType, body);
    }

    /** A UTF-8 text reply with the given content type (charset appended). */
    public static HttpReply text(int status, String contentType, String body) {
        return new HttpReply(status, contentType + "; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** The status code. */
    public int status() {
        return status;
    }

    /** The Content-Type header value. */
    public String contentType() {
        return contentType;
    }

    /** A copy of the body. */
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpReply r && r.status == status && r.contentType.equals(contentType) && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "HttpReply[status=" + status + ", contentType=" + contentType + ", bodyBytes=" + body.length + "]";
    }
}
