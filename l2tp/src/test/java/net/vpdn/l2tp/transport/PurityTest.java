package net.vpdn.l2tp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The transport stays a pure engine: no Netty, threads, real clocks or randomness. */
@DisplayName("The transport package's sources")
class PurityTest {

    private static final Path SOURCES = Path.of("src/main/java/net/vpdn/l2tp/transport");

    @ParameterizedTest(name = "never mention {0}")
    @ValueSource(strings = {"io.netty", "java.util.concurrent", "Thread", "System.nanoTime",
            "System.currentTimeMillis", "Instant.now", "Clock", "Random", "synchronized"})
    @DisplayName("never mention a forbidden API")
    void forbidden(String api) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SOURCES)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).hasSizeGreaterThan(5);
        for (Path f : files) {
            assertThat(Files.readString(f)).as(f.getFileName().toString()).doesNotContain(api);
        }
    }
}
