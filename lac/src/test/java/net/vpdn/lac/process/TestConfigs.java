package net.vpdn.lac.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.vpdn.config.ConfigLoader;
import net.vpdn.config.ConfigResult;
import net.vpdn.config.VpdnConfig;

/** LAC configurations for tests: the shipped example, or a small file pointing at a test LNS. */
final class TestConfigs {
    static final Path EXAMPLE = Path.of("../vpdn-config/examples/lac.yaml");
    static final String SECRET = "test-tunnel-secret";

    private TestConfigs() {
    }

    /** Loads {@code file} with {@code --set} overrides, failing the test on any error. */
    static VpdnConfig load(Path file, String... sets) {
        return switch (ConfigLoader.load(file, Map.of(), List.of(sets))) {
            case ConfigResult.Loaded l -> l.config();
            case ConfigResult.Invalid i -> throw new AssertionError("invalid config: " + i.errors());
        };
    }

    /** example.com by domain and 5551234 by DNIS, both to the LNS on {@code lnsPort}, metrics on a free port. */
    static VpdnConfig toLns(Path dir, int lnsPort, String... sets) throws IOException {
        Path file = dir.resolve("lac.yaml");
        Files.writeString(file, """
                role: lac
                hostname: lac1
                l2tp:
                  listen-address: 127.0.0.1
                  listen-port: 0
                vpdn-groups:
                  - name: example-com
                    request-dialin:
                      domains: [example.com]
                    initiate-to:
                      - address: 127.0.0.1
                        port: %d
                    tunnel-secret: "%s"
                  - name: dialed
                    request-dialin:
                      dnis: ["5551234"]
                    initiate-to:
                      - address: 127.0.0.1
                        port: %d
                    tunnel-secret: "%s"
                admin:
                  enabled: false
                metrics:
                  address: 127.0.0.1
                  port: 0
                """.formatted(lnsPort, SECRET, lnsPort, SECRET));
        return load(file, sets);
    }
}
