package net.vpdn.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Validation: each error names the file, the key and the problem")
class ValidationErrorsTest {
    @TempDir
    Path dir;

    static final String LAC = "role: lac\nhostname: lac1\n";
    static final String LAC_GROUP = """
            vpdn-groups:
              - name: g
                request-dialin:
                  domains: [example.com]
                initiate-to:
                  - address: 192.0.2.1
                tunnel-secret: s
            """;
    static final String LNS = """
            role: lns
            hostname: lns1
            ip-pools:
              - name: p
                cidr: 10.0.0.0/24
            virtual-templates:
              - name: vt
                local-address: 10.1.0.1
                peer-pool: p
            """;
    static final String LNS_GROUP = """
            vpdn-groups:
              - name: g
                accept-dialin:
                  virtual-template: vt
                terminate-from: [lac1]
                tunnel-secret: s
            """;

    /** One case: the YAML, and the one error it must produce. */
    static Arguments error(String message, String yaml, String key, String problem) {
        return Arguments.of(message, yaml, key, problem);
    }

    static Stream<Arguments> singleErrors() {
        return Stream.of(CasesTop.cases(), CasesGroups.cases(), CasesPpp.cases()).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleErrors")
    @DisplayName("a file with one mistake gets exactly one error, naming file, key and problem")
    void oneMistakeOneError(String message, String yaml, String key, String problem) {
        Path file = Loading.write(dir, "vpdn.yaml", yaml);
        List<ConfigError> errors = Loading.errors(file);
        assertThat(errors).as("errors for: %s", message)
                .containsExactly(new ConfigError(file.toString(), key, problem));
    }

    @Test
    @DisplayName("control: the base LAC and LNS files used above are valid")
    void basesAreValid() {
        Loading.valid(Loading.write(dir, "lac.yaml", LAC + LAC_GROUP));
        Loading.valid(Loading.write(dir, "lns.yaml", LNS + LNS_GROUP));
    }

    @Nested
    @DisplayName("Every error is reported at once")
    class AllAtOnce {
        @Test
        @DisplayName("three independent mistakes give three errors, in one load")
        void threeMistakes() {
            Path file = Loading.write(dir, "vpdn.yaml", """
                    role: lac
                    l2tp:
                      helo-interval: 30s
                      receive-window: 0
                    """ + LAC_GROUP);
            assertThat(Loading.errors(file)).extracting(ConfigError::key)
                    .containsExactlyInAnyOrder("hostname", "l2tp.receive-window", "l2tp.helo-interval");
        }

        @Test
        @DisplayName("the printed form is file: key: problem")
        void printedForm() {
            assertThat(new ConfigError("/etc/vpdn/lac.yaml", "l2tp.hello-interval", "must be above zero"))
                    .hasToString("/etc/vpdn/lac.yaml: l2tp.hello-interval: must be above zero");
        }
    }

    @Nested
    @DisplayName("Secret files")
    class SecretFiles {
        @Test
        @DisplayName("are read relative to the configuration file, without their trailing line break")
        void relativeAndTrimmed() throws Exception {
            Files.writeString(dir.resolve("tunnel.secret"), "from-a-file\n");
            Path file = Loading.write(dir, "vpdn.yaml", LAC + LAC_GROUP.replace(
                    "tunnel-secret: s", "tunnel-secret-file: tunnel.secret"));
            VpdnConfig config = Loading.valid(file);
            assertThat(config.vpdnGroups().getFirst().tunnelSecret()).contains(Secret.of("from-a-file"));
        }

        @Test
        @DisplayName("a quoted number-like secret keeps its text, leading zero included")
        void quotedNumericSecret() {
            Path file = Loading.write(dir, "vpdn.yaml", LAC + LAC_GROUP.replace("tunnel-secret: s", "tunnel-secret: \"0123\""));
            assertThat(Loading.valid(file).vpdnGroups().getFirst().tunnelSecret()).contains(Secret.of("0123"));
        }

        @Test
        @DisplayName("a missing file is an error naming the -file key and the path")
        void missing() {
            Path file = Loading.write(dir, "vpdn.yaml", LAC + LAC_GROUP.replace(
                    "tunnel-secret: s", "tunnel-secret-file: nowhere.secret"));
            assertThat(Loading.errors(file)).containsExactly(new ConfigError(file.toString(),
                    "vpdn-groups.0.tunnel-secret-file",
                    "cannot read " + dir.toAbsolutePath().resolve("nowhere.secret") + " (NoSuchFileException)"));
        }

        @Test
        @DisplayName("an empty file is an error")
        void empty() throws Exception {
            Files.writeString(dir.resolve("empty.secret"), "\n");
            Path file = Loading.write(dir, "vpdn.yaml", LAC + LAC_GROUP.replace(
                    "tunnel-secret: s", "tunnel-secret-file: empty.secret"));
            assertThat(Loading.errors(file)).containsExactly(new ConfigError(file.toString(),
                    "vpdn-groups.0.tunnel-secret-file",
                    "file " + dir.toAbsolutePath().resolve("empty.secret") + " is empty"));
        }
    }

    @Nested
    @DisplayName("Files that are not YAML maps")
    class NotYaml {
        @Test
        @DisplayName("a syntax error names the line, and never quotes the line (it may hold a secret)")
        void syntax() {
            Path file = Loading.write(dir, "vpdn.yaml", LAC + "vpdn-groups:\n  - tunnel-secret: \"hunter2\n");
            List<ConfigError> errors = Loading.errors(file);
            assertThat(errors).extracting(ConfigError::key).contains("(file)");
            assertThat(errors.toString()).doesNotContain("hunter2").contains("line");
        }

        @Test
        @DisplayName("a key written twice in one map is an error, not a silent last-one-wins")
        void duplicateKey() {
            Path file = Loading.write(dir, "vpdn.yaml", LAC + LAC_GROUP + "hostname: lac2\n");
            List<ConfigError> errors = Loading.errors(file);
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.key()).isEqualTo("(file)");
                assertThat(e.problem()).startsWith("is not a YAML map of keys: found duplicate key hostname at line ");
            });
        }

        @Test
        @DisplayName("a top-level list is refused")
        void topLevelList() {
            Path file = Loading.write(dir, "vpdn.yaml", "- role: lac\n");
            assertThat(Loading.errors(file)).containsExactly(new ConfigError(file.toString(), "(file)",
                    "is not a YAML map of keys: the top level must be key: value pairs"));
        }

        @Test
        @DisplayName("a file that does not exist is an error")
        void noFile() {
            Path file = dir.resolve("absent.yaml");
            assertThat(Loading.errors(file)).containsExactly(new ConfigError(file.toString(), "(file)",
                    "cannot be read: NoSuchFileException"));
        }

        @Test
        @DisplayName("an empty file is missing its required keys")
        void emptyFile() {
            Path file = Loading.write(dir, "vpdn.yaml", "");
            assertThat(Loading.errors(file)).containsExactly(
                    new ConfigError(file.toString(), "role", "is required"),
                    new ConfigError(file.toString(), "hostname", "is required"));
        }
    }
}
