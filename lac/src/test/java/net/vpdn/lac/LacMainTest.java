package net.vpdn.lac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import net.vpdn.runtime.ProcessStart;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("vpdn lac start-up refusals: one line each, and an exit status that tells them apart")
class LacMainTest {
    static final String EXAMPLE = Path.of("..", "vpdn-config", "examples", "lac.yaml").toString();

    record Result(Object process, int status, String out, String err) { }

    static Result launch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] status = new int[1];
        Object p = LacMain.launch(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), status);
        return new Result(p, status[0], out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("an unknown key: exit status 2, file and key named")
    void badConfig() {
        Result r = launch("--config", EXAMPLE, "--set", "l2tp.helo-interval=5s");
        assertThat(r.process()).isNull();
        assertThat(r.status()).isEqualTo(ProcessStart.EXIT_BAD_CONFIG);
        assertThat(r.err()).contains("l2tp.helo-interval: unknown key").endsWith("vpdn lac: not started\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    @DisplayName("an L2TP port in use: exit status 3, the address named, no stack trace")
    void portInUse() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Result r = launch("--config", EXAMPLE, "--set", "l2tp.listen-port=" + taken.getLocalPort(),
                    "--set", "admin.enabled=false", "--set", "metrics.enabled=false");
            assertThat(r.process()).isNull();
            assertThat(r.status()).isEqualTo(ProcessStart.EXIT_CANNOT_START);
            assertThat(r.err()).isEqualTo("vpdn lac: cannot start: cannot listen for L2TP on 127.0.0.1:" + taken.getLocalPort()
                    + ": Address already in use\nvpdn lac: not started\n");
        }
    }
}
