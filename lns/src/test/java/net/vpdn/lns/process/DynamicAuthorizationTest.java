package net.vpdn.lns.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RFC 5176 listener follows {@code dynamic-authorization}; the real-RADIUS path is in the tests module. */
@DisplayName("The LNS process's Disconnect listener")
class DynamicAuthorizationTest {
    @TempDir
    Path dir;
    final ProcessFixture fixture = new ProcessFixture();

    @Test
    @DisplayName("is off by default")
    void offByDefault() throws Exception {
        try (LnsProcess lns = fixture.start(dir)) {
            assertThat(lns.disconnectAddress()).isEmpty();
        }
    }

    @Test
    @DisplayName("when enabled binds the configured address (port 0: a free port), without any RADIUS server")
    void enabled() throws Exception {
        try (LnsProcess lns = fixture.start(dir, "dynamic-authorization.enabled=true",
                "dynamic-authorization.port=0", "dynamic-authorization.clients.0.address=127.0.0.1",
                "dynamic-authorization.clients.0.secret=das")) {
            InetSocketAddress bound = lns.disconnectAddress().orElseThrow();
            assertThat(bound.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
            assertThat(bound.getPort()).isPositive();
        }
    }
}
