package net.vpdn.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("AdminServer start-up, connections and limits")
class AdminServerLifecycleTest {

    static InetSocketAddress loopback0() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    @Nested
    @DisplayName("binding")
    class Binding {
        @Test
        @DisplayName("it refuses a non-loopback address without a token, saying why")
        void refusesWildcardWithoutToken() {
            var builder = AdminServer.builder(new FakeModel()).bind(new InetSocketAddress("0.0.0.0", 0));
            assertThatThrownBy(builder::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("non-loopback address 0.0.0.0")
                    .hasMessageContaining("without a token");
        }

        @Test
        @DisplayName("it serves a non-loopback address when a token is set")
        void wildcardWithToken() {
            try (var server = AdminServer.builder(new FakeModel()).bind(new InetSocketAddress("0.0.0.0", 0))
                    .token(AdminToken.of("tok")).start()) {
                assertThat(server.localAddress().getPort()).isPositive();
            }
        }

        @Test
        @DisplayName("on loopback without a token every route is open")
        void loopbackWithoutToken() {
            try (var server = AdminServer.builder(new FakeModel()).bind(loopback0()).start()) {
                assertThat(Http.call(server, "GET", "/api/tunnels", null).statusCode()).isEqualTo(200);
            }
        }

        @Test
        @DisplayName("a port already in use is an UncheckedIOException naming the address")
        void portInUse() {
            try (var first = AdminServer.builder(new FakeModel()).bind(loopback0()).start()) {
                var second = AdminServer.builder(new FakeModel()).bind(first.localAddress());
                assertThatThrownBy(second::start).isInstanceOf(UncheckedIOException.class)
                        .hasMessage("cannot listen for the admin API on 127.0.0.1:" + first.localAddress().getPort()
                                + ": Address already in use");
            }
        }

        @Test
        @DisplayName("extra routes cannot shadow built-in paths")
        void shadowing() {
            var b = AdminServer.builder(new FakeModel());
            assertThatThrownBy(() -> b.route("/api/tunnels", () -> null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> b.route("/api/sessions/7", () -> null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> b.publicRoute("metrics", () -> null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("connections")
    class Connections {
        @Test
        @DisplayName("pipelined requests on one keep-alive connection are answered in request order, even when the first completes last")
        void pipelining() throws Exception {
            FakeModel model = new FakeModel();
            CompletableFuture<List<TunnelView>> pending = new CompletableFuture<>();
            model.pendingTunnels = pending;
            try (var server = AdminServer.builder(model).bind(loopback0()).start();
                 var socket = new Socket(InetAddress.getLoopbackAddress(), server.localAddress().getPort())) {
                socket.setSoTimeout(10_000);
                String two = "GET /api/tunnels HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n";
                socket.getOutputStream().write(two.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                // Wait until the server has asked the model, then complete: health is ready long before.
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!model.calls.contains("tunnels")) {
                    assertThat(System.nanoTime()).as("server never asked the model").isLessThan(deadline);
                    Thread.onSpinWait();
                }
                pending.complete(List.of(FakeModel.TUNNEL));
                String first = readResponse(socket.getInputStream());
                String second = readResponse(socket.getInputStream());
                assertThat(first).startsWith("HTTP/1.1 200").contains("\"tunnels\"");
                assertThat(second).startsWith("HTTP/1.1 200").contains("\"alive\"");
            }
        }

        @Test
        @DisplayName("a request body over the limit is refused with 413")
        void tooLarge() throws Exception {
            try (var server = AdminServer.builder(new FakeModel()).bind(loopback0()).maxRequestBytes(1024).start();
                 var socket = new Socket(InetAddress.getLoopbackAddress(), server.localAddress().getPort())) {
                socket.setSoTimeout(10_000);
                String req = "POST /api/reload HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n\r\n" + "x".repeat(4096);
                socket.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
                assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 413");
            }
        }

        @Test
        @DisplayName("a malformed request line is answered 400")
        void malformed() throws Exception {
            try (var server = AdminServer.builder(new FakeModel()).bind(loopback0()).start();
                 var socket = new Socket(InetAddress.getLoopbackAddress(), server.localAddress().getPort())) {
                socket.setSoTimeout(10_000);
                String req = "GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
                socket.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
                assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 400");
            }
        }
    }

    /** Reads one response with a Content-Length body. */
    static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int length = headers.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .mapToInt(l -> Integer.parseInt(l.substring(15).strip())).findFirst().orElse(0);
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
