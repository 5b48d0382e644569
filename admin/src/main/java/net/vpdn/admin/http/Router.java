package net.vpdn.admin.http;

import java.util.Map;
import java.util.Set;
import net.vpdn.admin.SessionRef;

/**
 * Maps a request's method and path to a {@link Route}. Pure and total: every input gives a route,
 * never an exception.
 */
public final class Router {

    /** Liveness path, never behind the token. */
    public static final String HEALTH = "/health";
    /** Readiness path, never behind the token. */
    public static final String READY = "/ready";
    /** Tunnel list; {@code TUNNELS + "/" + id} clears one. */
    public static final String TUNNELS = "/api/tunnels";
    /** Session list; {@code SESSIONS + "/" + ref} clears one ({@link SessionRef} forms). */
    public static final String SESSIONS = "/api/sessions";
    /** Configuration reload. */
    public static final String RELOAD = "/api/reload";

    /** L2TP tunnel and session ids are 16 bits and 0 is reserved (RFC 2661 §4.4.3, §4.4.4). */
    private static final int MAX_ID = 0xFFFF;

    private final Map<String, Boolean> extraPublic;

    /**
     * @param extraPublic extra GET paths, each mapped to true when it is served without the token
     */
    public Router(Map<String, Boolean> extraPublic) {
        this.extraPublic = Map.copyOf(extraPublic);
    }

    /** The paths every server serves; extra routes may not reuse them. */
    public static Set<String> builtInPaths() {
        return Set.of(HEALTH, READY, TUNNELS, SESSIONS, RELOAD);
    }

    /** True when the path is served without the token: liveness, readiness and public extra routes. */
    public boolean isPublic(String path) {
        String p = normalise(path);
        return p.equals(HEALTH) || p.equals(READY) || extraPublic.getOrDefault(p, false);
    }

    /** Decides the route of a request. */
    public Route resolve(String method, String path) {
        String p = normalise(path);
        return switch (p) {
            case HEALTH -> only("GET", method, new Route.Health());
            case READY -> only("GET", method, new Route.Ready());
            case TUNNELS -> only("GET", method, new Route.ListTunnels());
            case SESSIONS -> only("GET", method, new Route.ListSessions());
            case RELOAD -> only("POST", method, new Route.Reload());
            default -> resolveOther(method, p);
        };
    }

    private Route resolveOther(String method, String p) {
        if (extraPublic.containsKey(p)) {
            return only("GET", method, new Route.Extra(p));
        }
        if (p.startsWith(TUNNELS + "/")) {
            return withId(method, p.substring(TUNNELS.length() + 1), "tunnel");
        }
        if (p.startsWith(SESSIONS + "/")) {
            return session(method, p.substring(SESSIONS.length() + 1));
        }
        return new Route.NotFound();
    }

    /** {@code TUNNEL/SESSION}, a bare session id, or {@code Virtual-AccessN} / {@code ViN}. */
    private static Route session(String method, String refText) {
        if (refText.chars().filter(c -> c == '/').count() > 1) {
            return new Route.NotFound();
        }
        if (!"DELETE".equals(method)) {
            return new Route.MethodNotAllowed("DELETE");
        }
        return switch (SessionRef.parse(refText)) {
            case SessionRef.Parsed.Ok ok -> new Route.ClearSession(ok.ref());
            case SessionRef.Parsed.Bad bad -> new Route.BadId(bad.problem());
        };
    }

    private static Route withId(String method, String idText, String what) {
        if (idText.contains("/")) {
            return new Route.NotFound();
        }
        if (!"DELETE".equals(method)) {
            return new Route.MethodNotAllowed("DELETE");
        }
        if (idText.isEmpty() || idText.length() > 5 || !idText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Route.BadId(what + " id must be a decimal number 1.." + MAX_ID + ", got '" + printable(idText) + "'");
        }
        int id = Integer.parseInt(idText);
        if (id < 1 || id > MAX_ID) {
            return new Route.BadId(what + " id must be 1.." + MAX_ID + ", got " + id);
        }
        return new Route.ClearTunnel(id);
    }

    private static Route only(String allowed, String method, Route route) {
        return allowed.equals(method) ? route : new Route.MethodNotAllowed(allowed);
    }

    /** Drops one trailing slash, so {@code /api/tunnels/} is {@code /api/tunnels}. */
    private static String normalise(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Echoed ids are bounded and stripped of control characters, so an error body cannot carry junk. */
    private static String printable(String s) {
        String cut = s.length() > 16 ? s.substring(0, 16) + "..." : s;
        return cut.replaceAll("[^\\x21-\\x7e]", "?");
    }
}
