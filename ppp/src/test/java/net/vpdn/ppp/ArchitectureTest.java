package net.vpdn.ppp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ppp module's house rules, checked on its sources: plain Java, no clock, no l2tp dependency. */
@DisplayName("ppp module architecture")
class ArchitectureTest {
    private static final List<String> FORBIDDEN = List.of(
            "import io.netty", "import net.vpdn.l2tp", "System.nanoTime", "System.currentTimeMillis", "Instant.now",
            "Thread.sleep", "new Thread", "Executors.", "new Random(");

    @Test
    @DisplayName("main sources use no Netty, no l2tp module, no clock, no threads and no unseeded Random")
    void plainJava() throws IOException {
        Path main = Path.of("src/main/java");
        assertThat(main).isDirectory();
        try (Stream<Path> files = Files.walk(main)) {
            List<String> violations = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> FORBIDDEN.stream().filter(f -> read(p).contains(f)).map(f -> p + ": " + f))
                    .toList();
            assertThat(violations).isEmpty();
        }
    }

    @Test
    @DisplayName("every main source file stays under 400 lines")
    void smallFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> big = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).lines().count() > 400).map(Path::toString).toList();
            assertThat(big).isEmpty();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
