package net.vpdn.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.vpdn.admin.AdminServer;
import net.vpdn.admin.AdminToken;
import net.vpdn.admin.ClearResult;
import net.vpdn.admin.FakeModel;
import net.vpdn.admin.ReloadReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("vpdn ctl end to end against a running AdminServer")
class CtlTest {

    static final String TOKEN = "ctl-test-token-0123456789";

    FakeModel model;
    AdminServer server;
    Map<String, String> env;

    /** Exit status and the two streams of one ctl run. */
    record Run(int status, String out, String err) {}

    @BeforeEach
    void start() {
        model = new FakeModel();
        server = AdminServer.builder(model).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .token(AdminToken.of(TOKEN)).start();
        env = new HashMap<>(Map.of("VPDN_ADMIN_URL", server.uri().toString(), "VPDN_ADMIN_TOKEN", TOKEN));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Run ctl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Ctl.run(args, env, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @Nested
    @DisplayName("show")
    class Show {
        @Test
        @DisplayName("show tunnels prints the table and exits 0")
        void tunnels() {
            Run r = ctl("show", "tunnels");
            assertThat(r.status()).isZero();
            assertThat(r.out()).isEqualTo(Tables.tunnels(List.of(FakeModel.TUNNEL)));
            assertThat(r.err()).isEmpty();
        }

        @Test
        @DisplayName("the IOS singulars work too: show tunnel, show session")
        void singular() {
            assertThat(ctl("show", "tunnel").out()).isEqualTo(ctl("show", "tunnels").out());
            assertThat(ctl("show", "session").out()).isEqualTo(ctl("show", "sessions").out()).startsWith("LocID");
        }

        @Test
        @DisplayName("show sessions picks the LAC columns when the process is a LAC")
        void lacSessions() {
            model.role = "lac";
            Run r = ctl("show", "sessions");
            assertThat(r.status()).isZero();
            assertThat(r.out()).startsWith("LocID  RemID  TunID  Username     Access Line").contains("0612345678");
        }

        @Test
        @DisplayName("--json prints the API document")
        void json() throws Exception {
            Run r = ctl("show", "sessions", "--json");
            assertThat(r.status()).isZero();
            var tree = net.vpdn.admin.Api.mapper().readTree(r.out());
            assertThat(tree.get("sessions").get(0).get("user").asText()).isEqualTo("alice@isp-a");
        }

        @Test
        @DisplayName("show summary prints the totals and the counts by state, like IOS show vpdn")
        void summary() {
            Run r = ctl("show", "summary");
            assertThat(r.status()).isZero();
            assertThat(r.out()).isEqualTo("""
                    L2TP lns: 1 tunnel, 1 session
                      tunnels by state:  established 1
                      sessions by state: established 1
                    """);
            assertThat(ctl("show", "summary", "--json").status()).isEqualTo(1);
        }

        @Test
        @DisplayName("empty lists print one IOS-style line instead of a bare header")
        void empty() {
            model.tunnels = List.of();
            model.sessions = List.of();
            assertThat(ctl("show", "tunnels").out()).isEqualTo("%No active L2TP tunnels\n");
            assertThat(ctl("show", "sessions").out()).isEqualTo("%No active L2TP sessions\n");
            assertThat(ctl("show", "summary").out()).isEqualTo("""
                    L2TP lns: 0 tunnels, 0 sessions
                      tunnels by state:  -
                      sessions by state: -
                    """);
        }

        @Test
        @DisplayName("--url and --token on the command line win over the environment")
        void options() {
            env.put("VPDN_ADMIN_URL", "http://127.0.0.1:1");
            env.put("VPDN_ADMIN_TOKEN", "wrong");
            Run r = ctl("show", "tunnels", "--url", server.uri().toString(), "--token", TOKEN);
            assertThat(r.status()).isZero();
        }

        @Test
        @DisplayName("--token-file reads the first line of a file")
        void tokenFile(@TempDir Path dir) throws Exception {
            env.remove("VPDN_ADMIN_TOKEN");
            Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");
            assertThat(ctl("--token-file", file.toString(), "show", "tunnels").status()).isZero();
        }
    }

    @Nested
    @DisplayName("clear")
    class Clear {
        @Test
        @DisplayName("clear tunnel ID clears it and says so")
        void tunnel() {
            Run r = ctl("clear", "tunnel", "12345");
            assertThat(r.status()).isZero();
            assertThat(r.out()).isEqualTo("Tunnel 12345 cleared\n");
            assertThat(model.calls).containsExactly("clearTunnel 12345");
        }

        @Test
        @DisplayName("clear session of an unknown id exits 1 with one line")
        void unknown() {
            Run r = ctl("clear", "session", "999");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("vpdn ctl: no session 999\n");
        }

        @Test
        @DisplayName("clear session TUNNEL/SESSION and ViN name one session each")
        void sessionForms() {
            model.refAnswers.put("12/345", ClearResult.CLEARED);
            model.refAnswers.put("Virtual-Access7", ClearResult.CLEARED);
            Run byIds = ctl("clear", "session", "12/345");
            Run byInterface = ctl("clear", "session", "Vi7");
            assertThat(byIds.status()).isZero();
            assertThat(byIds.out()).isEqualTo("Session 12/345 cleared\n");
            assertThat(byInterface.out()).isEqualTo("Session Virtual-Access7 cleared\n");
            assertThat(model.calls).containsExactly("clearSession 12/345", "clearSession Virtual-Access7");
        }

        @Test
        @DisplayName("a bare session id several tunnels share exits 1 and says how to name it")
        void ambiguous() {
            model.refAnswers.put("5", ClearResult.AMBIGUOUS);
            Run r = ctl("clear", "session", "5");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("vpdn ctl: session id 5 exists in several tunnels;"
                    + " give LocTunID/LocID or the interface (see ctl show sessions)\n");
        }

        @Test
        @DisplayName("an id out of range or malformed exits 1 without calling the process; an unknown kind is a usage error (2)")
        void badId() {
            assertThat(ctl("clear", "tunnel", "70000").status()).isEqualTo(1);
            assertThat(ctl("clear", "tunnel", "abc").status()).isEqualTo(1);
            assertThat(ctl("clear", "session", "x/y").status()).isEqualTo(1);
            assertThat(ctl("clear", "bridge", "1").status()).isEqualTo(2);
            assertThat(model.calls).isEmpty();
        }
    }

    @Nested
    @DisplayName("reload")
    class Reload {
        @Test
        @DisplayName("prints the report and exits 0")
        void ok() {
            Run r = ctl("reload");
            assertThat(r.status()).isZero();
            assertThat(r.out()).startsWith("Reload: 1 change applied, 1 need a restart, 0 errors\n");
        }

        @Test
        @DisplayName("exits 1 when the report has errors")
        void errors() {
            model.report = new ReloadReport(List.of(), List.of(), List.of("lns.listen: not an address"));
            Run r = ctl("reload");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.out()).contains("error             lns.listen: not an address");
        }
    }

    @Nested
    @DisplayName("failures")
    class Failures {
        @Test
        @DisplayName("a wrong token exits 1 with one line naming the address")
        void rejected() {
            env.put("VPDN_ADMIN_TOKEN", "not-the-token");
            Run r = ctl("show", "tunnels");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("vpdn ctl: admin API at " + server.uri() + " rejected the token\n");
            assertThat(r.out()).isEmpty();
        }

        @Test
        @DisplayName("no token at all exits 1 and says how to give one")
        void none() {
            env.remove("VPDN_ADMIN_TOKEN");
            Run r = ctl("show", "sessions");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).startsWith("vpdn ctl: admin API at " + server.uri() + " needs a token: none given");
        }

        @Test
        @DisplayName("nothing listening exits 1 with 'no vpdn process answering at URL'")
        void refused() throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Run r = ctl("show", "tunnels", "--url", "http://127.0.0.1:" + port);
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("vpdn ctl: no vpdn process answering at http://127.0.0.1:" + port
                    + " (give the process's admin address with --url or $VPDN_ADMIN_URL)\n");
        }

        @Test
        @DisplayName("a server error exits 1 quoting the API's error text")
        void serverError() {
            model.sessionsFailure = new IllegalStateException("boom");
            Run r = ctl("show", "sessions");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).startsWith("vpdn ctl: admin API at " + server.uri() + " answered HTTP 500: internal error");
        }

        @Test
        @DisplayName("a bad URL and a missing token file are one-line errors")
        void badInput() {
            assertThat(ctl("show", "tunnels", "--url", "ftp://x").err()).isEqualTo("vpdn ctl: bad admin URL 'ftp://x': expected http://HOST:PORT\n");
            Run r = ctl("show", "tunnels", "--token-file", "/nonexistent/token");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("vpdn ctl: cannot read token file /nonexistent/token: NoSuchFileException\n");
        }

        @Test
        @DisplayName("no subcommand prints usage and exits 2")
        void usage() {
            Run r = ctl();
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.out()).contains("Usage: ctl");
        }
    }
}
