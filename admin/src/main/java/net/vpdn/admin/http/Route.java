package net.vpdn.admin.http;

/** What a request asks for, decided by {@link Router} from its method and path alone. */
public sealed interface Route {

    /** {@code GET /health}: the process is alive. */
    record Health() implements Route {}

    /** {@code GET /ready}: listeners up, configuration loaded. */
    record Ready() implements Route {}

    /** {@code GET /api/tunnels}. */
    record ListTunnels() implements Route {}

    /** {@code GET /api/sessions}. */
    record ListSessions() implements Route {}

    /** {@code DELETE /api/tunnels/{id}}. */
    record ClearTunnel(int localId) implements Route {}

    /** {@code DELETE /api/sessions/{tunnel}/{session}}, {@code /api/sessions/{id}} or {@code /api/sessions/Vi7}. */
    record ClearSession(net.vpdn.admin.SessionRef ref) implements Route {}

    /** {@code POST /api/reload}. */
    record Reload() implements Route {}

    /** {@code GET} of a path mounted with {@code AdminServer.Builder.route}. */
    record Extra(String path) implements Route {}

    /** A known path with a malformed id; {@code detail} says what is wrong. */
    record BadId(String detail) implements Route {}

    /** A known path with a method it does not serve; {@code allow} is the Allow header value. */
    record MethodNotAllowed(String allow) implements Route {}

    /** No such path. */
    record NotFound() implements Route {}
}
