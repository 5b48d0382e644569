package net.vpdn.l2tp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layering rule of the engine, checked on the sources: the protocol packages are pure (no
 * Netty, threads, clocks or ambient randomness), the run-time shells take time and timers only from
 * their host, and only {@code io/} touches Netty.
 */
@DisplayName("l2tp architecture")
class ArchitectureTest {
    private static final Path ROOT = Path.of("src/main/java/net/vpdn/l2tp");
    private static final List<String> PURE = List.of("io.netty", "java.util.concurrent", "new Thread", "System.nanoTime",
            "System.currentTimeMillis", "Instant.now", "Clock.system", "java.util.Random", "SecureRandom",
            "ThreadLocalRandom", "synchronized");
    private static final List<String> SHELL = List.of("io.netty", "new Thread", "System.nanoTime",
            "System.currentTimeMillis", "Instant.now", "Clock.system", "ThreadLocalRandom");

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("wire", PURE), Arguments.of("avp", PURE), Arguments.of("transport", PURE),
                Arguments.of("tunnel", PURE), Arguments.of("session", PURE), Arguments.of("engine", SHELL));
    }

    static List<Path> sources(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @ParameterizedTest(name = "{0}/ mentions none of {1}")
    @MethodSource("rules")
    @DisplayName("each package keeps to its layer")
    void layer(String pkg, List<String> forbidden) throws IOException {
        List<Path> files = sources(ROOT.resolve(pkg));
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String text = Files.readString(f);
            for (String api : forbidden) {
                assertThat(text).as("%s/%s", pkg, f.getFileName()).doesNotContain(api);
            }
        }
    }

    @Test
    @DisplayName("no main source file grows past 400 lines")
    void fileSize() throws IOException {
        for (Path f : sources(ROOT)) {
            assertThat(Files.readAllLines(f)).as(f.toString()).hasSizeLessThanOrEqualTo(400);
        }
    }
}
