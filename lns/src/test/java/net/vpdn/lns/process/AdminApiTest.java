package net.vpdn.lns.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import net.vpdn.aaa.acct.AccountingRecord;
import net.vpdn.vtemplate.TerminateCause;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The LNS process's admin API over loopback HTTP")
class AdminApiTest {
    static final String TOKEN = "admin-token-1";

    @TempDir
    Path dir;
    final ProcessFixture fixture = new ProcessFixture();
    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(LnsProcess lns, String method, String path, String token) throws Exception {
        var a = lns.adminAddress().orElseThrow();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private LnsProcess start(String... extra) throws Exception {
        String[] sets = new String[extra.length + 3];
        sets[0] = "admin.enabled=true";
        sets[1] = "admin.port=0";
        sets[2] = "admin.token=" + TOKEN;
        System.arraycopy(extra, 0, sets, 3, extra.length);
        return fixture.start(dir, sets);
    }

    @Test
    @DisplayName("lists tunnels and sessions with user, Virtual-Access and address, and clears a session with Admin-Reset")
    void listAndClear() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = start()) {
            var ipcp = lac.dialToIpcp(lac.tunnel(lns.l2tpAddress()), "alice@example.com", "alice-password");
            AccountingRecord start = fixture.next();

            assertThat(call(lns, "GET", "/api/sessions", null).statusCode()).as("no token").isEqualTo(401);
            var sessions = call(lns, "GET", "/api/sessions", TOKEN);
            assertThat(sessions.statusCode()).isEqualTo(200);
            assertThat(sessions.body()).contains("\"role\":\"lns\"", "\"user\":\"alice@example.com\"",
                    "\"interfaceName\":\"Virtual-Access1\"", "\"address\":\"" + ipcp.localAddress() + "\"",
                    "\"calling\":\"5551234\"", "\"state\":\"established\"");
            var tunnels = call(lns, "GET", "/api/tunnels", TOKEN);
            assertThat(tunnels.body()).contains("\"peerHostName\":\"lac1\"", "\"groupName\":\"from-lac1\"", "\"sessions\":1");

            String sessionId = start.tunnel().orElseThrow().connectionId().split("/")[1];
            assertThat(call(lns, "DELETE", "/api/sessions/" + sessionId, TOKEN).statusCode()).isEqualTo(204);
            AccountingRecord stop = fixture.next();
            assertThat(stop.terminateCause()).hasValue(TerminateCause.ADMIN_RESET.radiusValue());
            lac.awaitCallDown();
            assertThat(call(lns, "DELETE", "/api/sessions/" + sessionId, TOKEN).statusCode()).isEqualTo(404);
            NoLeaks.assertNoLeaks(lns);
        }
    }

    @Test
    @DisplayName("DELETE /api/sessions/{tunnel}/{session} and /api/sessions/ViN each clear exactly the named session")
    void clearByIdsAndInterface() throws Exception {
        try (TestLac a = new TestLac(); TestLac b = new TestLac(); LnsProcess lns = start()) {
            a.dialToIpcp(a.tunnel(lns.l2tpAddress()), "alice@example.com", "alice-password");
            AccountingRecord first = fixture.next();
            b.dialToIpcp(b.tunnel(lns.l2tpAddress()), "bob@example.com", "bob-password");
            AccountingRecord second = fixture.next();

            String ids = first.tunnel().orElseThrow().connectionId();
            String[] parts = ids.split("/");
            assertThat(call(lns, "DELETE", "/api/sessions/" + parts[0] + "/" + (Integer.parseInt(parts[1]) % 65535 + 1),
                    TOKEN).statusCode()).as("right tunnel, wrong session").isEqualTo(404);
            assertThat(call(lns, "DELETE", "/api/sessions/" + ids, TOKEN).statusCode()).isEqualTo(204);
            AccountingRecord stop = fixture.next();
            assertThat(stop.acctSessionId()).isEqualTo(first.acctSessionId());
            a.awaitCallDown();

            String vi = lns.sessions().stream().filter(s -> s.user().equals(java.util.Optional.of("bob@example.com")))
                    .findFirst().orElseThrow().interfaceName().orElseThrow().replace("Virtual-Access", "Vi");
            var bad = call(lns, "DELETE", "/api/sessions/Tunnel7", TOKEN);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("TUNNEL/SESSION");
            assertThat(call(lns, "DELETE", "/api/sessions/" + vi, TOKEN).statusCode()).isEqualTo(204);
            assertThat(fixture.next().acctSessionId()).isEqualTo(second.acctSessionId());
            b.awaitCallDown();
            NoLeaks.assertNoLeaks(lns);
        }
    }

    @Test
    @DisplayName("DELETE /api/tunnels/{id} sends StopCCN to the LAC")
    void clearTunnel() throws Exception {
        try (TestLac lac = new TestLac(); LnsProcess lns = start()) {
            lac.tunnel(lns.l2tpAddress());
            int id = lns.tunnels().getFirst().localId();
            assertThat(call(lns, "DELETE", "/api/tunnels/" + id, TOKEN).statusCode()).isEqualTo(204);
            assertThat(lac.awaitTunnelDown().resultCode()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("POST /api/reload re-reads the file: live keys applied, restart keys reported, a bad file changes nothing")
    void reload() throws Exception {
        try (LnsProcess lns = start()) {
            ProcessFixture.write(dir, ProcessFixture.YAML.replace("terminate-from: [lac1]", "terminate-from: [lac1, lac2]")
                    .replace("listen-port: 0", "listen-port: 0\n  hello-interval-typo: 1s"));
            var bad = call(lns, "POST", "/api/reload", TOKEN);
            assertThat(bad.body()).contains("hello-interval-typo");
            assertThat(lns.config().acceptDialinGroups().getFirst().terminateFrom()).containsExactly("lac1");

            ProcessFixture.write(dir, ProcessFixture.YAML.replace("terminate-from: [lac1]", "terminate-from: [lac1, lac2]")
                    .replace("hostname: lns1", "hostname: lns2"));
            var ok = call(lns, "POST", "/api/reload", TOKEN);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("vpdn-groups[from-lac1].terminate-from", "\"restartRequired\":[\"hostname\"");
            assertThat(lns.config().acceptDialinGroups().getFirst().terminateFrom()).containsExactly("lac1", "lac2");
        }
    }
}
