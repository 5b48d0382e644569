package net.vpdn.admin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.vpdn.admin.SessionRef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Router maps method and path to a route")
class RouterTest {

    final Router router = new Router(Map.of("/metrics", false, "/scrape", true));

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("GET", "/health", new Route.Health()),
                Arguments.of("GET", "/ready", new Route.Ready()),
                Arguments.of("GET", "/api/tunnels", new Route.ListTunnels()),
                Arguments.of("GET", "/api/tunnels/", new Route.ListTunnels()),
                Arguments.of("GET", "/api/sessions", new Route.ListSessions()),
                Arguments.of("DELETE", "/api/tunnels/1", new Route.ClearTunnel(1)),
                Arguments.of("DELETE", "/api/tunnels/65535", new Route.ClearTunnel(65535)),
                Arguments.of("DELETE", "/api/sessions/00042", new Route.ClearSession(new SessionRef.BySessionId(42))),
                Arguments.of("DELETE", "/api/sessions/12/345", new Route.ClearSession(new SessionRef.ByIds(12, 345))),
                Arguments.of("DELETE", "/api/sessions/Vi7", new Route.ClearSession(new SessionRef.ByInterface("Virtual-Access7"))),
                Arguments.of("DELETE", "/api/sessions/virtual-access07",
                        new Route.ClearSession(new SessionRef.ByInterface("Virtual-Access7"))),
                Arguments.of("DELETE", "/api/sessions/12/0", new Route.BadId("tunnel and session ids must be 1..65535, got 12/0")),
                Arguments.of("DELETE", "/api/sessions/1/2/3", new Route.NotFound()),
                Arguments.of("GET", "/api/sessions/12/345", new Route.MethodNotAllowed("DELETE")),
                Arguments.of("POST", "/api/reload", new Route.Reload()),
                Arguments.of("GET", "/metrics", new Route.Extra("/metrics")),
                Arguments.of("PUT", "/api/tunnels", new Route.MethodNotAllowed("GET")),
                Arguments.of("GET", "/api/reload", new Route.MethodNotAllowed("POST")),
                Arguments.of("HEAD", "/health", new Route.MethodNotAllowed("GET")),
                Arguments.of("GET", "/api/sessions/5", new Route.MethodNotAllowed("DELETE")),
                Arguments.of("DELETE", "/api/tunnels/0", new Route.BadId("tunnel id must be 1..65535, got 0")),
                Arguments.of("DELETE", "/api/tunnels/65536", new Route.BadId("tunnel id must be 1..65535, got 65536")),
                Arguments.of("DELETE", "/api/sessions/x\u0007", new Route.BadId(
                        "a session is TUNNEL/SESSION (e.g. 12/345), a session id, or Virtual-AccessN / ViN, got 'x?'")),
                Arguments.of("DELETE", "/api/sessions/70000", new Route.BadId("session id must be 1..65535, got 70000")),
                Arguments.of("DELETE", "/api/tunnels/1/2", new Route.NotFound()),
                Arguments.of("GET", "/api", new Route.NotFound()),
                Arguments.of("GET", "", new Route.NotFound()),
                Arguments.of("GET", "/API/TUNNELS", new Route.NotFound()));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("table")
    @DisplayName("every known shape of request")
    void resolves(String method, String path, Route expected) {
        assertThat(router.resolve(method, path)).isEqualTo(expected);
    }

    @Test
    @DisplayName("only /health, /ready and public extra routes skip the token")
    void publicPaths() {
        assertThat(router.isPublic("/health")).isTrue();
        assertThat(router.isPublic("/ready/")).isTrue();
        assertThat(router.isPublic("/scrape")).isTrue();
        assertThat(router.isPublic("/metrics")).isFalse();
        assertThat(router.isPublic("/api/tunnels")).isFalse();
        assertThat(router.isPublic("/nope")).isFalse();
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 5).mapToObj(i -> 0xAD17L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("is total: random methods and paths always give a route, never an exception")
    void total(long seed) {
        Random r = new Random(seed);
        String[] methods = {"GET", "POST", "DELETE", "PUT", "", "get"};
        String alphabet = "/api/tunnelsessionreloadhealthready0123456789%?#\u0000\uFFFF ";
        for (int i = 0; i < 2000; i++) {
            StringBuilder p = new StringBuilder(r.nextBoolean() ? "/api/" : "/");
            for (int n = r.nextInt(30); n > 0; n--) {
                p.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            assertThat(router.resolve(methods[r.nextInt(methods.length)], p.toString())).isNotNull();
        }
    }
}
