package net.vpdn.admin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import net.vpdn.admin.Api;
import net.vpdn.admin.ClearResult;
import net.vpdn.admin.SessionRef;
import net.vpdn.admin.ReloadReport;

/**
 * Calls the admin API of one process over {@link HttpClient} and turns every failure into a
 * {@link CtlException} with a one-line message. The token is sent as a bearer header and appears in
 * no message and no {@code toString}.
 */
public final class AdminClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Longer than the server's own model timeout, so its 503 arrives before we give up. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final URI base;
    private final String token;
    private final HttpClient http;

    /**
     * @param base  the admin URL, for example {@code http://127.0.0.1:9170}
     * @param token the bearer token, or null to send none
     */
    public AdminClient(URI base, String token) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.token = token == null || token.isBlank() ? null : token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** The raw JSON document at a GET path (for {@code --json}), pretty-printed. */
    public String getJson(String path) throws CtlException {
        HttpResponse<String> res = send("GET", path);
        expect(res, 200);
        try {
            JsonNode tree = Api.mapper().readTree(res.body());
            return Api.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new CtlException("unexpected answer from " + base + path + ": not JSON", e);
        }
    }

    /** {@code GET /api/tunnels}. */
    public Api.TunnelList tunnels() throws CtlException {
        return read(get("/api/tunnels"), Api.TunnelList.class, "/api/tunnels");
    }

    /** {@code GET /api/sessions}. */
    public Api.SessionList sessions() throws CtlException {
        return read(get("/api/sessions"), Api.SessionList.class, "/api/sessions");
    }

    /** {@code DELETE /api/tunnels/{id}} or {@code /api/sessions/{id}}; false when the process has no such id. */
    public boolean clear(String kind, int localId) throws CtlException {
        HttpResponse<String> res = send("DELETE", "/api/" + kind + "s/" + localId);
        if (res.statusCode() == 404) {
            return false;
        }
        expect(res, 204);
        return true;
    }

    /** {@code DELETE /api/sessions/{ref}}: 204 cleared, 404 not found, 409 ambiguous. */
    public ClearResult clearSession(SessionRef ref) throws CtlException {
        HttpResponse<String> res = send("DELETE", "/api/sessions/" + ref.text());
        return switch (res.statusCode()) {
            case 404 -> ClearResult.NOT_FOUND;
            case 409 -> ClearResult.AMBIGUOUS;
            default -> {
                expect(res, 204);
                yield ClearResult.CLEARED;
            }
        };
    }

    /** {@code POST /api/reload}. */
    public ReloadReport reload() throws CtlException {
        HttpResponse<String> res = send("POST", "/api/reload");
        expect(res, 200);
        return read(res.body(), ReloadReport.class, "/api/reload");
    }

    private String get(String path) throws CtlException {
        HttpResponse<String> res = send("GET", path);
        expect(res, 200);
        return res.body();
    }

    private HttpResponse<String> send(String method, String path) throws CtlException {
        HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(base.getPath() + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException | ClosedChannelException e) {
            throw new CtlException("no vpdn process answering at " + base
                    + " (give the process's admin address with --url or $VPDN_ADMIN_URL)", e);
        } catch (IOException e) {
            throw new CtlException("cannot talk to " + base + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CtlException("interrupted while waiting for " + base, e);
        }
    }

    private void expect(HttpResponse<String> res, int status) throws CtlException {
        if (res.statusCode() == status) {
            return;
        }
        if (res.statusCode() == 401) {
            throw new CtlException(token == null
                    ? "admin API at " + base + " needs a token: none given (set VPDN_ADMIN_TOKEN or use --token-file)"
                    : "admin API at " + base + " rejected the token");
        }
        throw new CtlException("admin API at " + base + " answered HTTP " + res.statusCode() + errorText(res.body()));
    }

    private static String errorText(String body) {
        try {
            Api.Error e = Api.mapper().readValue(body, Api.Error.class);
            return e.error() == null ? "" : ": " + TextTable.fit(e.error(), 200);
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    private <T> T read(String body, Class<T> type, String path) throws CtlException {
        try {
            return Api.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new CtlException("unexpected answer from " + base + path + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "AdminClient[" + base + ", token " + (token == null ? "none" : "set") + "]";
    }
}
