package net.vpdn.admin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.Map;
import net.vpdn.admin.Api;
import net.vpdn.admin.HttpReply;

/**
 * A reply ready to be written: status, content type, body and any extra headers (Allow, WWW-Authenticate).
 *
 * @param reply   status, content type and body
 * @param headers extra response headers
 */
public record Answer(HttpReply reply, Map<String, String> headers) {

    /** JSON content type of every API document. */
    public static final String JSON = "application/json";

    /** Copies the headers. */
    public Answer {
        headers = Map.copyOf(headers);
    }

    /** A JSON document with the given status. */
    public static Answer json(int status, Object document) {
        try {
            return new Answer(HttpReply.of(status, JSON, Api.mapper().writeValueAsBytes(document)), Map.of());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise " + document.getClass().getSimpleName(), e);
        }
    }

    /** An {@code {"error": message}} document. */
    public static Answer error(int status, String message) {
        return json(status, new Api.Error(message));
    }

    /** A reply without a body (204). */
    public static Answer noContent() {
        return new Answer(HttpReply.of(204, JSON, new byte[0]), Map.of());
    }

    /** The same answer with one more header. */
    public Answer withHeader(String name, String value) {
        var copy = new java.util.HashMap<>(headers);
        copy.put(name, value);
        return new Answer(reply, copy);
    }
}
