package net.vpdn.admin.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A rejected request's path is logged as one quoted value")
class LogSafeTest {
    @Test
    @DisplayName("a decoded %0A cannot forge a log line, a quote cannot end the value, length is bounded")
    void path() {
        assertThat(AdminHttpHandler.logSafe("/api/tunnels")).isEqualTo("/api/tunnels");
        assertThat(AdminHttpHandler.logSafe("/x\nts=0 level=ERROR event=forged")).isEqualTo("/x?ts=0 level=ERROR event=forged");
        assertThat(AdminHttpHandler.logSafe("/a\"b\\c")).isEqualTo("/a\\\"b\\\\c");
        assertThat(AdminHttpHandler.logSafe("/" + "a".repeat(1000))).hasSize(200);
    }
}
