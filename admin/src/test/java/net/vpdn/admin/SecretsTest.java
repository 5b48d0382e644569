package net.vpdn.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import net.vpdn.admin.cli.AdminClient;
import net.vpdn.admin.cli.Ctl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("The admin token never appears in logs, replies, messages or toString")
class SecretsTest {

    static final String TOKEN = "Tk-9f8e7d6c5b4a-SECRET";

    @Test
    @DisplayName("a session of good, wrong and missing tokens leaves no trace of either token in DEBUG logs or replies")
    void logsAndReplies() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.DEBUG);
        StringBuilder everything = new StringBuilder();
        String wrong = "Wrong-" + TOKEN.substring(6);
        try (var server = AdminServer.builder(new FakeModel())
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).token(AdminToken.of(TOKEN)).start()) {
            for (String t : new String[] {TOKEN, wrong, null}) {
                for (String path : new String[] {"/api/tunnels", "/api/sessions", "/api/nope", "/health"}) {
                    var res = Http.call(server, "GET", path, t);
                    everything.append(res.body()).append(res.headers().map());
                }
                everything.append(runCtl(server, t, "show", "tunnels"));
                everything.append(runCtl(server, t, "clear", "session", "4711"));
            }
            everything.append(server);
        } finally {
            root.detachAppender(logs);
            root.setLevel(before);
        }
        logs.list.forEach(e -> everything.append(e.getFormattedMessage())
                .append(e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()));
        assertThat(logs.list).as("the rejected requests were logged").anyMatch(e -> e.getFormattedMessage().contains("rejected"));
        assertThat(everything.toString()).doesNotContain(TOKEN).doesNotContain(wrong);
    }

    @Test
    @DisplayName("AdminToken and AdminClient redact the token in toString, and a bad token's error names no characters of it")
    void toStrings() {
        assertThat(AdminToken.of(TOKEN).toString()).doesNotContain(TOKEN).contains("redacted");
        assertThat(new AdminClient(java.net.URI.create("http://127.0.0.1:1"), TOKEN).toString()).doesNotContain(TOKEN);
        assertThatThrownBy(() -> AdminToken.of("abc def-" + TOKEN)).hasMessageNotContaining(TOKEN).hasMessageNotContaining("abc");
    }

    @Test
    @DisplayName("AdminToken matches only the exact token")
    void matches() {
        AdminToken token = AdminToken.of(TOKEN);
        assertThat(token.matches(TOKEN)).isTrue();
        assertThat(token.matches(TOKEN + " ")).isFalse();
        assertThat(token.matches(TOKEN.toLowerCase())).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThatThrownBy(() -> AdminToken.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String runCtl(AdminServer server, String token, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("VPDN_ADMIN_URL", server.uri().toString());
        if (token != null) {
            env.put("VPDN_ADMIN_TOKEN", token);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Ctl.run(args, env, new PrintWriter(out), new PrintWriter(err));
        return out + "\n" + err;
    }
}
