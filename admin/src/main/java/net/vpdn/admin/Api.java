package net.vpdn.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/**
 * The JSON documents of the admin API (besides {@link TunnelView}, {@link SessionView} and
 * {@link ReloadReport}) and the one Jackson configuration both the server and the ctl client use.
 * Field names are the record component names; {@code admin/README.md} documents every one.
 */
public final class Api {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // A newer process may add fields; an older ctl must still read the ones it knows.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Api() {}

    /** The shared, thread-safe mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Body of {@code GET /api/tunnels}. */
    public record TunnelList(String role, List<TunnelView> tunnels) {
        /** Copies the list. */
        public TunnelList {
            tunnels = List.copyOf(tunnels);
        }
    }

    /** Body of {@code GET /api/sessions}. */
    public record SessionList(String role, List<SessionView> sessions) {
        /** Copies the list. */
        public SessionList {
            sessions = List.copyOf(sessions);
        }
    }

    /** Body of {@code GET /health}. */
    public record Health(String status, String role) {}

    /** Body of {@code GET /ready} (status 200 when ready, 503 when not). */
    public record Ready(boolean ready, String role) {}

    /** Body of every 4xx and 5xx reply. */
    public record Error(String error) {}
}
