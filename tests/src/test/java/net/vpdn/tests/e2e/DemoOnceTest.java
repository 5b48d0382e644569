package net.vpdn.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import net.vpdn.lac.demo.Demo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./vpdn demo --once} runs (the script only builds and finds Java): the example LNS and LAC
 * as separate processes, 100 subscribers, exit status 0 and the last line {@code demo: 100/100 sessions
 * up, <rate> setups/s}.
 */
@DisplayName("./vpdn demo --once")
class DemoOnceTest {
    @Test
    @DisplayName("dials 100 subscribers through the example LNS and LAC processes and ends with the demo line")
    void once() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = Demo.run(new String[] {"--once", "--examples", Path.of("..", "vpdn-config", "examples").toString()},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        System.out.println(String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size())));
        assertThat(status).as(String.join("\n", lines)).isZero();
        assertThat(lines.getLast()).matches("demo: 100/100 sessions up, [0-9]+\\.[0-9] setups/s");
        assertThat(lines).anyMatch(l -> l.startsWith("== lns: show sessions"))
                .anyMatch(l -> l.startsWith("metrics: LNS http://127.0.0.1:"));
    }
}
