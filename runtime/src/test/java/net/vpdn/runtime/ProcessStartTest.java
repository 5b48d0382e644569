package net.vpdn.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.vpdn.config.Role;
import net.vpdn.config.VpdnConfig;
import net.vpdn.l2tp.engine.EngineConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("process start-up: arguments, validation and the engine settings")
class ProcessStartTest {
    static final Path EXAMPLES = Path.of("../vpdn-config/examples");

    @TempDir
    Path tmp;

    @Test
    @DisplayName("the LAC example loads and its l2tp section becomes the engine's transport and tunnel settings")
    void lacExample() throws Exception {
        var a = ProcessStart.parse(new String[] {"--config", EXAMPLES.resolve("lac.yaml").toString(),
                "--set", "l2tp.receive-window=32", "extra"}, null);
        assertThat(a.rest()).containsExactly("extra");
        VpdnConfig c = ProcessStart.load(a, Map.of(), Role.LAC);
        EngineConfig e = EngineSettings.engine(c);
        assertThat(e.transport().receiveWindow()).isEqualTo(32);
        assertThat(e.responderParams().receiveWindow()).isEqualTo(32);
        assertThat(e.responderParams().hostName()).isEqualTo("lac1");
        assertThat(e.transport().retransmit().cap()).isEqualTo(c.l2tp().retransmitCap());
    }

    @Test
    @DisplayName("a file of the other role is refused, naming the file and the key")
    void wrongRole() {
        var a = new ProcessStart.Arguments(EXAMPLES.resolve("lac.yaml"), java.util.List.of(), java.util.List.of());
        assertThatThrownBy(() -> ProcessStart.load(a, Map.of(), Role.LNS))
                .isInstanceOf(ProcessStart.Refused.class)
                .hasMessageContaining("lac.yaml: role: this is a lac configuration, and this process is the lns");
    }

    @Test
    @DisplayName("an invalid file is refused with every error, each naming file, key and problem")
    void invalid() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "role: lns\nhostname: lns1\nl2tp:\n  helo-interval: 5s\n  receive-window: 0\n");
        var a = new ProcessStart.Arguments(bad, java.util.List.of(), java.util.List.of());
        assertThatThrownBy(() -> ProcessStart.load(a, Map.of(), Role.LNS))
                .isInstanceOfSatisfying(ProcessStart.Refused.class, r -> {
                    assertThat(r.lines()).hasSizeGreaterThanOrEqualTo(2);
                    assertThat(r.lines()).anySatisfy(l -> assertThat(l).contains("bad.yaml").contains("helo-interval"));
                    assertThat(r.lines()).anySatisfy(l -> assertThat(l).contains("receive-window"));
                });
    }

    @Test
    @DisplayName("without --config the process refuses to start")
    void noConfig() {
        assertThatThrownBy(() -> ProcessStart.parse(new String[] {}, null)).hasMessageContaining("--config");
    }
}
