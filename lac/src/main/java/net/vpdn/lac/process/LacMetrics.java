package net.vpdn.lac.process;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import net.vpdn.lac.call.LacCounters;
import net.vpdn.lac.select.RefusalReason;

/**
 * {@code GET /metrics} in the Prometheus text format (version 0.0.4): the LAC's call counters,
 * refusals by reason, and the current calls and tunnels. One small JDK HTTP server thread; the
 * gauges are read on the LAC's loop through {@code gauges}.
 */
public final class LacMetrics implements AutoCloseable {
    /** Current calls and tunnels, read on the loop. */
    public record Gauges(int calls, int tunnels) { }

    private final HttpServer server;

    private LacMetrics(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code bind} (port 0 picks a free one). */
    public static LacMetrics start(InetSocketAddress bind, LacCounters counters, Supplier<Gauges> gauges) throws IOException {
        HttpServer server = HttpServer.create(bind, 16);
        server.createContext("/metrics", exchange -> answer(exchange, counters, gauges));
        server.start();
        return new LacMetrics(server);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void answer(HttpExchange exchange, LacCounters counters, Supplier<Gauges> gauges) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = render(counters, gauges.get()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The exposition text. */
    public static String render(LacCounters c, Gauges g) {
        StringBuilder b = new StringBuilder(1024);
        counter(b, "vpdn_lac_calls_offered_total", "Access lines that came up.", c.callsOffered());
        counter(b, "vpdn_lac_calls_connected_total", "Calls connected to an LNS.", c.callsConnected());
        counter(b, "vpdn_lac_ppp_failures_total", "Calls whose PPP with the subscriber failed before the hand-off.", c.pppFailures());
        b.append("# HELP vpdn_lac_calls_refused_total Calls the LAC refused, by reason.\n");
        b.append("# TYPE vpdn_lac_calls_refused_total counter\n");
        for (RefusalReason r : RefusalReason.values()) {
            b.append("vpdn_lac_calls_refused_total{reason=\"").append(r.name().toLowerCase(Locale.ROOT)).append("\"} ")
                    .append(c.refusals(r)).append('\n');
        }
        b.append("# HELP vpdn_lac_calls_cleared_total Connected calls cleared, by who cleared them.\n");
        b.append("# TYPE vpdn_lac_calls_cleared_total counter\n");
        b.append("vpdn_lac_calls_cleared_total{by=\"subscriber\"} ").append(c.callsClearedBySubscriber()).append('\n');
        b.append("vpdn_lac_calls_cleared_total{by=\"network\"} ").append(c.callsClearedByNetwork()).append('\n');
        gauge(b, "vpdn_lac_calls", "Calls in progress.", g.calls());
        gauge(b, "vpdn_lac_tunnels", "Tunnels in the pool.", g.tunnels());
        return b.toString();
    }

    private static void counter(StringBuilder b, String name, String help, long value) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
    }

    private static void gauge(StringBuilder b, String name, String help, long value) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
