package net.vpdn.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Secrets never appear in toString")
class SecretRedactionTest {
    static final List<String> SECRETS = List.of("demo-tunnel-secret", "alice-demo-password", "bob-demo-password",
            "radius-shared-secret", "admin-token-value");

    /** The LNS example plus every other secret-bearing key, so that each record type is reached. */
    static VpdnConfig everything() {
        return Loading.valid(Loading.LNS_EXAMPLE, Map.of(), List.of(
                "radius-servers.0.name=r1", "radius-servers.0.address=127.0.0.1",
                "radius-servers.0.secret=radius-shared-secret", "admin.token=admin-token-value"));
    }

    @Nested
    @DisplayName("Scanning every record reachable from a loaded configuration")
    class Scan {
        @Test
        @DisplayName("no record's toString contains any secret value")
        void noRecordLeaks() throws Exception {
            List<Record> records = new ArrayList<>();
            walk(everything(), records);
            walk(Loading.valid(Loading.LAC_EXAMPLE), records);
            assertThat(records).isNotEmpty();
            for (Record r : records) {
                for (String secret : SECRETS) {
                    assertThat(r.toString()).as("%s", r.getClass().getSimpleName()).doesNotContain(secret);
                }
            }
        }

        @Test
        @DisplayName("the scan reaches every record type of the model")
        void scanIsComplete() throws Exception {
            List<Record> records = new ArrayList<>();
            walk(everything(), records);
            walk(Loading.valid(Loading.LAC_EXAMPLE), records);
            Set<Class<?>> seen = new HashSet<>();
            records.forEach(r -> seen.add(r.getClass()));
            assertThat(seen).contains(VpdnConfig.class, L2tpSettings.class, VpdnGroup.RequestDialin.class,
                    VpdnGroup.AcceptDialin.class, InitiateTo.class, VirtualTemplate.class, IpPool.class,
                    LocalUser.class, RadiusServer.class, AaaSettings.class, MethodList.class, AdminListener.class,
                    MetricsListener.class);
        }

        @Test
        @DisplayName("the secrets are really there, behind the redaction")
        void secretsAreHeld() {
            VpdnConfig c = everything();
            assertThat(c.localUser("alice@example.com").orElseThrow().password().reveal())
                    .isEqualTo("alice-demo-password");
            assertThat(c.admin().token().orElseThrow().reveal()).isEqualTo("admin-token-value");
            assertThat(c.radiusServers().getFirst().secret().bytes()).isEqualTo("radius-shared-secret".getBytes());
        }
    }

    @Nested
    @DisplayName("Errors and reload plans")
    class Errors {
        @TempDir
        Path dir;

        @Test
        @DisplayName("a misspelt secret key is reported without its value")
        void typoInSecretKey() {
            Path file = Loading.write(dir, "lac.yaml", ValidationErrorsTest.LAC + ValidationErrorsTest.LAC_GROUP
                    .replace("tunnel-secret: s", "tunnel-secret: s\n    tunel-secret: hunter2"));
            assertThat(Loading.errors(file).toString()).contains("tunel-secret").doesNotContain("hunter2");
        }

        @Test
        @DisplayName("a secret given as a list is reported without its value")
        void secretAsList() {
            Path file = Loading.write(dir, "lac.yaml", ValidationErrorsTest.LAC + ValidationErrorsTest.LAC_GROUP
                    .replace("tunnel-secret: s", "tunnel-secret: [hunter2, hunter3]"));
            assertThat(Loading.errors(file)).containsExactly(new ConfigError(file.toString(),
                    "vpdn-groups.0.tunnel-secret", "expected a single value, found a list"));
        }

        @Test
        @DisplayName("an empty inline secret is an error")
        void emptySecret() {
            Path file = Loading.write(dir, "lac.yaml", ValidationErrorsTest.LAC + ValidationErrorsTest.LAC_GROUP
                    .replace("tunnel-secret: s", "tunnel-secret: \"\""));
            assertThat(Loading.errors(file)).containsExactly(new ConfigError(file.toString(),
                    "vpdn-groups.0.tunnel-secret", "is empty"));
        }

        @Test
        @DisplayName("a reload plan between two configurations shows no secret")
        void plan() {
            VpdnConfig before = everything();
            VpdnConfig after = Loading.valid(Loading.LNS_EXAMPLE, Map.of(), List.of());
            String text = ConfigDiff.plan(after, before).toString() + ConfigDiff.plan(before, after);
            SECRETS.forEach(s -> assertThat(text).doesNotContain(s));
        }
    }

    @Nested
    @DisplayName("The Secret type")
    class SecretType {
        @Test
        @DisplayName("compares by value and hashes to a constant")
        void equality() {
            assertThat(Secret.of("abc")).isEqualTo(Secret.of("abc")).isNotEqualTo(Secret.of("abd"))
                    .isNotEqualTo(Secret.of("abcd")).hasSameHashCodeAs(Secret.of("zzz"));
            assertThat(Secret.of("abc")).hasToString("<redacted>");
        }

        @Test
        @DisplayName("hands out copies of its bytes")
        void copies() {
            Secret s = Secret.of("abc");
            s.bytes()[0] = 'x';
            assertThat(s.reveal()).isEqualTo("abc");
            assertThat(s.length()).isEqualTo(3);
        }
    }

    /** Collects every record reachable from {@code value} through record components, lists and optionals. */
    static void walk(Object value, List<Record> out) throws Exception {
        switch (value) {
            case Record r -> {
                out.add(r);
                for (RecordComponent c : r.getClass().getRecordComponents()) {
                    walk(c.getAccessor().invoke(r), out);
                }
            }
            case Collection<?> items -> {
                for (Object item : items) {
                    walk(item, out);
                }
            }
            case Optional<?> o when o.isPresent() -> walk(o.get(), out);
            case null, default -> { }
        }
    }
}
