package net.vpdn.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("AdminServer over real loopback HTTP")
class AdminServerTest {

    static final String TOKEN = "s3cr3t-admin-token-XYZ";

    FakeModel model;
    AdminServer server;

    @BeforeEach
    void start() {
        model = new FakeModel();
        server = AdminServer.builder(model)
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .token(AdminToken.of(TOKEN))
                .requestTimeout(Duration.ofMillis(300))
                .route("/metrics", () -> CompletableFuture.completedFuture(HttpReply.text(200, "text/plain", "vpdn_up 1\n")))
                .publicRoute("/scrape", () -> CompletableFuture.completedFuture(HttpReply.text(200, "text/plain", "open\n")))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> call(String method, String path) {
        return Http.call(server, method, path, TOKEN);
    }

    static JsonNode json(HttpResponse<String> res) throws Exception {
        assertThat(res.headers().firstValue("Content-Type")).hasValue("application/json");
        return Api.mapper().readTree(res.body());
    }

    @Test
    @DisplayName("it binds a free port when asked for port 0 and reports it")
    void boundPort() {
        assertThat(server.localAddress().getPort()).isPositive();
        assertThat(server.uri().toString()).isEqualTo("http://127.0.0.1:" + server.localAddress().getPort());
    }

    @Nested
    @DisplayName("GET /api/tunnels")
    class Tunnels {
        @Test
        @DisplayName("lists the model's tunnels with the role")
        void lists() throws Exception {
            var res = call("GET", "/api/tunnels");
            assertThat(res.statusCode()).isEqualTo(200);
            JsonNode body = json(res);
            assertThat(body.get("role").asText()).isEqualTo("lns");
            assertThat(body.get("tunnels")).hasSize(1);
            JsonNode t = body.get("tunnels").get(0);
            assertThat(t.get("localId").asInt()).isEqualTo(12345);
            assertThat(t.get("peerHostName").asText()).isEqualTo("lac1.example.net");
            assertThat(t.get("uptimeSeconds").asLong()).isEqualTo(3723);
        }

        @Test
        @DisplayName("an empty list is an empty array, not null")
        void empty() throws Exception {
            model.tunnels = List.of();
            assertThat(json(call("GET", "/api/tunnels")).get("tunnels").isArray()).isTrue();
            assertThat(json(call("GET", "/api/tunnels")).get("tunnels")).isEmpty();
        }

        @Test
        @DisplayName("without a token it answers 401 with a Bearer challenge and never asks the model")
        void noToken() {
            var res = Http.call(server, "GET", "/api/tunnels", null);
            assertThat(res.statusCode()).isEqualTo(401);
            assertThat(res.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(model.calls).isEmpty();
        }

        @Test
        @DisplayName("with a wrong token, or one that only shares a prefix, it answers 401")
        void wrongToken() {
            assertThat(Http.call(server, "GET", "/api/tunnels", "nope").statusCode()).isEqualTo(401);
            assertThat(Http.call(server, "GET", "/api/tunnels", TOKEN + "x").statusCode()).isEqualTo(401);
            assertThat(Http.call(server, "GET", "/api/tunnels", TOKEN.substring(1)).statusCode()).isEqualTo(401);
            assertThat(model.calls).isEmpty();
        }

        @Test
        @DisplayName("POST is 405 with an Allow header")
        void wrongMethod() {
            var res = call("POST", "/api/tunnels");
            assertThat(res.statusCode()).isEqualTo(405);
            assertThat(res.headers().firstValue("Allow")).hasValue("GET");
        }

        @Test
        @DisplayName("a model that never answers gives 503 after the request timeout, not a hung connection")
        void timeout() {
            model.pendingTunnels = new CompletableFuture<>();
            var res = call("GET", "/api/tunnels");
            assertThat(res.statusCode()).isEqualTo(503);
            assertThat(res.body()).contains("did not answer");
        }
    }

    @Nested
    @DisplayName("GET /api/sessions")
    class Sessions {
        @Test
        @DisplayName("lists the model's sessions")
        void lists() throws Exception {
            JsonNode s = json(call("GET", "/api/sessions")).get("sessions").get(0);
            assertThat(s.get("user").asText()).isEqualTo("alice@isp-a");
            assertThat(s.get("interfaceName").asText()).isEqualTo("Virtual-Access3");
            assertThat(s.get("octetsIn").asLong()).isEqualTo(64_000);
        }

        @Test
        @DisplayName("a failing model gives 500 with a generic message")
        void failing() throws Exception {
            model.sessionsFailure = new IllegalStateException("engine exploded");
            var res = call("GET", "/api/sessions");
            assertThat(res.statusCode()).isEqualTo(500);
            assertThat(json(res).get("error").asText()).doesNotContain("exploded");
        }
    }

    @Nested
    @DisplayName("DELETE /api/tunnels/{id} and /api/sessions/{id}")
    class Clear {
        @Test
        @DisplayName("a known tunnel id is cleared with 204 and no body")
        void tunnel() {
            var res = call("DELETE", "/api/tunnels/12345");
            assertThat(res.statusCode()).isEqualTo(204);
            assertThat(res.body()).isEmpty();
            assertThat(model.calls).containsExactly("clearTunnel 12345");
        }

        @Test
        @DisplayName("a known session id is cleared with 204")
        void session() {
            assertThat(call("DELETE", "/api/sessions/4711").statusCode()).isEqualTo(204);
            assertThat(model.calls).containsExactly("clearSession 4711");
        }

        @Test
        @DisplayName("an unknown id is 404 naming the id")
        void unknown() throws Exception {
            var res = call("DELETE", "/api/tunnels/999");
            assertThat(res.statusCode()).isEqualTo(404);
            assertThat(json(res).get("error").asText()).isEqualTo("no tunnel with local id 999");
            assertThat(call("DELETE", "/api/sessions/998").statusCode()).isEqualTo(404);
        }

        @Test
        @DisplayName("a bare session id several tunnels share is 409 saying how to name it; TUNNEL/SESSION clears")
        void ambiguous() throws Exception {
            model.refAnswers.put("5", ClearResult.AMBIGUOUS);
            model.refAnswers.put("12/5", ClearResult.CLEARED);
            var res = call("DELETE", "/api/sessions/5");
            assertThat(res.statusCode()).isEqualTo(409);
            assertThat(json(res).get("error").asText()).isEqualTo("session id 5 exists in several tunnels; name it as"
                    + " TUNNEL/SESSION (e.g. /api/sessions/12/5) or by its Virtual-Access interface");
            assertThat(call("DELETE", "/api/sessions/12/5").statusCode()).isEqualTo(204);
            assertThat(model.calls).containsExactly("clearSession 5", "clearSession 12/5");
        }

        @ParameterizedTest(name = "DELETE {0} -> 400")
        @CsvSource({"/api/tunnels/abc", "/api/tunnels/0", "/api/tunnels/65536", "/api/sessions/-1", "/api/sessions/123456", "/api/sessions/1e3"})
        @DisplayName("a malformed or out-of-range id is 400 and never reaches the model")
        void badId(String path) {
            assertThat(call("DELETE", path).statusCode()).isEqualTo(400);
            assertThat(model.calls).isEmpty();
        }

        @Test
        @DisplayName("GET of a single tunnel is 405 (only DELETE is served there)")
        void getOne() {
            var res = call("GET", "/api/tunnels/12345");
            assertThat(res.statusCode()).isEqualTo(405);
            assertThat(res.headers().firstValue("Allow")).hasValue("DELETE");
        }

        @Test
        @DisplayName("without a token it is 401 and nothing is cleared")
        void noToken() {
            assertThat(Http.call(server, "DELETE", "/api/tunnels/12345", null).statusCode()).isEqualTo(401);
            assertThat(model.calls).isEmpty();
        }
    }

    @Nested
    @DisplayName("POST /api/reload")
    class Reload {
        @Test
        @DisplayName("returns the model's report")
        void reload() throws Exception {
            JsonNode body = json(call("POST", "/api/reload"));
            assertThat(body.get("applied").get(0).asText()).isEqualTo("lns.hello-interval");
            assertThat(body.get("restartRequired").get(0).asText()).isEqualTo("lns.listen");
            assertThat(body.get("errors")).isEmpty();
        }

        @Test
        @DisplayName("GET is 405 and does not reload")
        void get() {
            assertThat(call("GET", "/api/reload").statusCode()).isEqualTo(405);
            assertThat(model.calls).isEmpty();
        }
    }

    @Nested
    @DisplayName("/health and /ready")
    class Probes {
        @Test
        @DisplayName("answer without a token")
        void open() throws Exception {
            var health = Http.call(server, "GET", "/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(json(health).get("status").asText()).isEqualTo("alive");
            assertThat(Http.call(server, "GET", "/ready", null).statusCode()).isEqualTo(200);
        }

        @Test
        @DisplayName("/ready is 503 while the model is not ready, /health stays 200")
        void notReady() throws Exception {
            model.ready = false;
            var res = Http.call(server, "GET", "/ready", null);
            assertThat(res.statusCode()).isEqualTo(503);
            assertThat(json(res).get("ready").asBoolean()).isFalse();
            assertThat(Http.call(server, "GET", "/health", null).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("other paths")
    class Other {
        @Test
        @DisplayName("an unknown path is 404 with the token and 401 without (no probing)")
        void unknown() {
            assertThat(call("GET", "/api/nope").statusCode()).isEqualTo(404);
            assertThat(call("GET", "/").statusCode()).isEqualTo(404);
            assertThat(Http.call(server, "GET", "/api/nope", null).statusCode()).isEqualTo(401);
        }

        @Test
        @DisplayName("an extra route is served behind the token, a public one without")
        void extra() {
            var metrics = call("GET", "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).isEqualTo("vpdn_up 1\n");
            assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
            assertThat(Http.call(server, "GET", "/metrics", null).statusCode()).isEqualTo(401);
            assertThat(Http.call(server, "GET", "/scrape", null).statusCode()).isEqualTo(200);
            assertThat(call("DELETE", "/metrics").statusCode()).isEqualTo(405);
        }

        @Test
        @DisplayName("a query string does not change the route")
        void query() {
            assertThat(call("GET", "/api/tunnels?verbose=1").statusCode()).isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("asynchrony")
    class Async {
        @Test
        @DisplayName("a pending model call does not hold up other requests; its answer comes when the model completes")
        void pending() throws Exception {
            CompletableFuture<List<TunnelView>> pending = new CompletableFuture<>();
            model.pendingTunnels = pending;
            server.close();
            server = AdminServer.builder(model).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .token(AdminToken.of(TOKEN)).start();
            var slow = Http.callAsync(server, "GET", "/api/tunnels", TOKEN);
            assertThat(Http.call(server, "GET", "/api/sessions", TOKEN).statusCode()).isEqualTo(200);
            assertThat(slow).isNotDone();
            pending.complete(List.of());
            var res = slow.get();
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(json(res).get("tunnels")).isEmpty();
        }
    }
}
