package net.vpdn.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Overrides from the environment and --set")
class OverridesTest {
    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void writeBase() {
        file = Loading.write(dir, "lac.yaml", ValidationErrorsTest.LAC + ValidationErrorsTest.LAC_GROUP
                + "l2tp:\n  hello-interval: 60s\n");
    }

    @Nested
    @DisplayName("Precedence: file < environment < --set")
    class Precedence {
        @Test
        @DisplayName("the environment beats the file")
        void envBeatsFile() {
            VpdnConfig c = Loading.valid(file, Map.of("VPDN__L2TP__HELLO_INTERVAL", "30s"), List.of());
            assertThat(c.l2tp().helloInterval()).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        @DisplayName("--set beats the environment")
        void setBeatsEnv() {
            VpdnConfig c = Loading.valid(file, Map.of("VPDN__L2TP__HELLO_INTERVAL", "30s"),
                    List.of("l2tp.hello-interval=10s"));
            assertThat(c.l2tp().helloInterval()).isEqualTo(Duration.ofSeconds(10));
        }

        @Test
        @DisplayName("of two --set of one key, the last wins")
        void lastSetWins() {
            VpdnConfig c = Loading.valid(file, Map.of(), List.of("l2tp.hello-interval=10s", "l2tp.hello-interval=20"));
            assertThat(c.l2tp().helloInterval()).isEqualTo(Duration.ofSeconds(20));
        }

        @Test
        @DisplayName("without overrides the file's value stands")
        void fileAlone() {
            assertThat(Loading.valid(file).l2tp().helloInterval()).isEqualTo(Duration.ofSeconds(60));
        }
    }

    @Nested
    @DisplayName("Mapping of names onto keys")
    class Mapping {
        @Test
        @DisplayName("VPDN__A__B_C sets a.b-c, and a number is a list index")
        void envIndexAndDashes() {
            VpdnConfig c = Loading.valid(file, Map.of("VPDN__VPDN_GROUPS__0__TUNNEL_SECRET", "from-env",
                    "VPDN__VPDN_GROUPS__0__SESSION_LIMIT", "7"), List.of());
            assertThat(c.vpdnGroups().getFirst().tunnelSecret()).contains(Secret.of("from-env"));
            assertThat(c.vpdnGroups().getFirst().sessionLimit()).isEqualTo(7);
        }

        @Test
        @DisplayName("the next free index appends a list entry")
        void appendEntry() throws Exception {
            VpdnConfig c = Loading.valid(file, Map.of(), List.of(
                    "vpdn-groups.0.initiate-to.1.address=192.0.2.5", "vpdn-groups.0.initiate-to.1.priority=2"));
            assertThat(c.requestDialinGroups().getFirst().initiateTo()).containsExactly(
                    new InitiateTo(InetAddress.getByName("192.0.2.1"), 1701, 1, 1),
                    new InitiateTo(InetAddress.getByName("192.0.2.5"), 1701, 2, 1));
        }

        @Test
        @DisplayName("a list of values can be replaced by one comma-separated value")
        void commaList() {
            VpdnConfig c = Loading.valid(file, Map.of("VPDN__VPDN_GROUPS__0__REQUEST_DIALIN__DOMAINS", "a.com, b.com"),
                    List.of());
            assertThat(c.requestDialinGroups().getFirst().domains()).containsExactly("a.com", "b.com");
        }

        @Test
        @DisplayName("a list override may use YAML's flow style, as in the file: [a.com, b.com], and [] empties it")
        void flowList() {
            VpdnConfig c = Loading.valid(file, Map.of(), List.of("vpdn-groups.0.request-dialin.domains=[a.com, b.com]"));
            assertThat(c.requestDialinGroups().getFirst().domains()).containsExactly("a.com", "b.com");
            VpdnConfig none = Loading.valid(file, Map.of(), List.of("aaa.accounting=[]"));
            assertThat(none.aaa().accounting().methods()).isEmpty();
        }

        @Test
        @DisplayName("a section absent from the file can be built from overrides")
        void newSection() {
            VpdnConfig c = Loading.valid(file, Map.of("VPDN__RADIUS_SERVERS__0__SECRET", "r-secret"), List.of(
                    "radius-servers.0.name=r1", "radius-servers.0.address=192.0.2.9", "aaa.accounting=radius"));
            assertThat(c.radiusServers()).singleElement().satisfies(r -> {
                assertThat(r.secret()).isEqualTo(Secret.of("r-secret"));
                assertThat(r.authPort()).isEqualTo(1812);
            });
            assertThat(c.aaa().accounting().methods()).containsExactly(AaaMethod.RADIUS);
        }

        @Test
        @DisplayName("environment variables without the VPDN__ prefix are ignored")
        void otherVariables() {
            assertThat(Loading.valid(file, Map.of("VPDN_LOG_LEVEL", "DEBUG", "HOME", "/root"), List.of()))
                    .isEqualTo(Loading.valid(file));
        }

        @Test
        @DisplayName("--set arguments are picked out of a command line in both spellings")
        void commandLine() {
            assertThat(ConfigLoader.setArguments("--config", "x.yaml", "--set", "a.b=1", "--set=c=2", "--set"))
                    .containsExactly("a.b=1", "c=2");
        }
    }

    @Nested
    @DisplayName("Errors name the override as their source")
    class Errors {
        @Test
        @DisplayName("a misspelt environment key is unknown, with a hint")
        void envTypo() {
            assertThat(Loading.errors(file, Map.of("VPDN__L2TP__HELO_INTERVAL", "30s"), List.of())).containsExactly(
                    new ConfigError("environment VPDN__L2TP__HELO_INTERVAL", "l2tp.helo-interval",
                            "unknown key (did you mean hello-interval?)"));
        }

        @Test
        @DisplayName("a bad value from --set is reported against --set")
        void badSetValue() {
            assertThat(Loading.errors(file, Map.of(), List.of("l2tp.receive-window=lots"))).containsExactly(
                    new ConfigError("--set", "l2tp.receive-window", "'lots' is not a whole number"));
        }

        @Test
        @DisplayName("--set without = is refused")
        void noEquals() {
            assertThat(Loading.errors(file, Map.of(), List.of("l2tp.hello-interval"))).containsExactly(
                    new ConfigError("--set", "l2tp.hello-interval", "expected key=value"));
        }

        @Test
        @DisplayName("--set with a malformed key is refused")
        void badKey() {
            assertThat(Loading.errors(file, Map.of(), List.of("L2TP..x=1"))).containsExactly(
                    new ConfigError("--set", "L2TP..x",
                            "is not a key: use lower-case names and list indexes joined by dots"));
        }

        @Test
        @DisplayName("an index past the end of a list is refused")
        void pastTheEnd() {
            assertThat(Loading.errors(file, Map.of(), List.of("vpdn-groups.5.name=x"))).containsExactly(
                    new ConfigError("--set", "vpdn-groups.5",
                            "index 5 is past the end of a list of 1; the next new entry is 1"));
        }

        @Test
        @DisplayName("a key inside a list without an index is refused")
        void missingIndex() {
            Path two = Loading.write(dir, "two.yaml", ValidationErrorsTest.LAC + ValidationErrorsTest.LAC_GROUP
                    + "  - name: h\n    request-dialin: {dnis: [\"1\"]}\n    initiate-to: [{address: 192.0.2.3}]\n"
                    + "    tunnel-secret: s\n");
            assertThat(Loading.errors(two, Map.of(), List.of("vpdn-groups.name=x"))).containsExactly(
                    new ConfigError("--set", "vpdn-groups.name", "is inside a list: give an index, e.g. vpdn-groups.0.name"));
        }

        @Test
        @DisplayName("keys below a plain value are refused")
        void belowValue() {
            assertThat(Loading.errors(file, Map.of(), List.of("hostname.x=1"))).containsExactly(
                    new ConfigError("--set", "hostname", "holds a value, not keys"));
        }

        @Test
        @DisplayName("an environment name that maps onto no key shape is refused")
        void envShape() {
            assertThat(Loading.errors(file, Map.of("VPDN__L2TP____X", "1"), List.of())).containsExactly(
                    new ConfigError("environment VPDN__L2TP____X", "VPDN__L2TP____X",
                            "does not map onto a key: after VPDN__ use letters and digits, _ for - and __ between levels"));
        }
    }
}
