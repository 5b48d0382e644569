package net.vpdn.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("LAC keys: aaa.tunnel-authorization-password and l2tp.call-setup-timeout")
class LacKeysTest {
    @TempDir
    Path dir;

    @Nested
    @DisplayName("aaa.tunnel-authorization-password")
    class LookupPassword {
        @Test
        @DisplayName("defaults to IOS's cisco")
        void defaultIsCisco() {
            VpdnConfig c = Loading.valid(Loading.LAC_EXAMPLE);
            assertThat(c.aaa().tunnelAuthorizationPassword().reveal()).isEqualTo("cisco");
        }

        @Test
        @DisplayName("is read inline or from a file, and never shown by toString or the reload plan")
        void configuredAndRedacted() {
            VpdnConfig c = Loading.valid(Loading.LAC_EXAMPLE, Map.of(), List.of("aaa.tunnel-authorization-password=lookup-pw-7"));
            assertThat(c.aaa().tunnelAuthorizationPassword().reveal()).isEqualTo("lookup-pw-7");
            assertThat(c.toString()).doesNotContain("lookup-pw-7");
            ReloadPlan plan = ConfigDiff.plan(Loading.valid(Loading.LAC_EXAMPLE), c);
            assertThat(plan.changes()).singleElement().satisfies(ch -> {
                assertThat(ch.key()).isEqualTo("aaa.tunnel-authorization-password");
                assertThat(ch.toString()).doesNotContain("lookup-pw-7").doesNotContain("cisco");
            });
            Path file = Loading.write(dir, "lookup.secret", "from-file-pw\n");
            VpdnConfig f = Loading.valid(Loading.LAC_EXAMPLE, Map.of(), List.of("aaa.tunnel-authorization-password-file=" + file));
            assertThat(f.aaa().tunnelAuthorizationPassword().reveal()).isEqualTo("from-file-pw");
        }

        @Test
        @DisplayName("empty, longer than RADIUS allows, or on an LNS: refused with origin, key and problem")
        void refused() {
            assertThat(Loading.errors(Loading.LAC_EXAMPLE, Map.of(), List.of("aaa.tunnel-authorization-password=")))
                    .anySatisfy(e -> assertThat(e.toString()).contains("aaa.tunnel-authorization-password").contains("empty"));
            assertThat(Loading.errors(Loading.LAC_EXAMPLE, Map.of(), List.of("aaa.tunnel-authorization-password=" + "x".repeat(129))))
                    .singleElement().satisfies(e -> assertThat(e.toString()).contains("--set")
                            .contains("aaa.tunnel-authorization-password").contains("at most 128").doesNotContain("xxxx"));
            assertThat(Loading.errors(Loading.LNS_EXAMPLE, Map.of(), List.of("aaa.tunnel-authorization-password=abc")))
                    .singleElement().satisfies(e -> assertThat(e.toString()).contains("--set")
                            .contains("aaa.tunnel-authorization-password").contains("LAC only"));
        }
    }

    @Nested
    @DisplayName("l2tp.call-setup-timeout")
    class CallSetupTimeout {
        @Test
        @DisplayName("defaults to 30 s and takes a duration")
        void defaultAndSet() {
            assertThat(Loading.valid(Loading.LAC_EXAMPLE).l2tp().callSetupTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(Loading.valid(Loading.LAC_EXAMPLE, Map.of(), List.of("l2tp.call-setup-timeout=45s")).l2tp()
                    .callSetupTimeout()).isEqualTo(Duration.ofSeconds(45));
        }

        @Test
        @DisplayName("below 1 s or above 600 s is refused with origin, key and problem")
        void outOfRange() {
            for (String bad : List.of("500ms", "601s")) {
                assertThat(Loading.errors(Loading.LAC_EXAMPLE, Map.of(), List.of("l2tp.call-setup-timeout=" + bad)))
                        .as(bad).singleElement().satisfies(e -> assertThat(e.toString()).contains("--set")
                                .contains("l2tp.call-setup-timeout").contains("between 1s and 600s"));
            }
            assertThat(Loading.errors(Loading.LAC_EXAMPLE, Map.of(), List.of("l2tp.call-setup-timeout=soon")))
                    .singleElement().satisfies(e -> assertThat(e.toString()).contains("l2tp.call-setup-timeout"));
        }
    }
}
