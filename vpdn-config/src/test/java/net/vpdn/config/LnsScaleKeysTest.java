package net.vpdn.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("LNS scale: l2tp.max-calls-in-setup, l2tp.max-sessions and files with 100,000 local users")
class LnsScaleKeysTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("default to 1000 calls in setup and 200,000 sessions; --set changes them")
    void defaultsAndSet() {
        VpdnConfig d = Loading.valid(Loading.LNS_EXAMPLE);
        assertThat(d.l2tp().maxCallsInSetup()).isEqualTo(1000);
        assertThat(d.l2tp().maxSessions()).isEqualTo(200_000);
        VpdnConfig s = Loading.valid(Loading.LNS_EXAMPLE, Map.of(),
                List.of("l2tp.max-calls-in-setup=50", "l2tp.max-sessions=120000"));
        assertThat(s.l2tp().maxCallsInSetup()).isEqualTo(50);
        assertThat(s.l2tp().maxSessions()).isEqualTo(120_000);
    }

    @Test
    @DisplayName("zero or beyond the range: refused naming the key")
    void outOfRange() {
        assertThat(Loading.errors(Loading.LNS_EXAMPLE, Map.of(), List.of("l2tp.max-calls-in-setup=0")))
                .singleElement().satisfies(e -> assertThat(e.toString()).contains("l2tp.max-calls-in-setup"));
        assertThat(Loading.errors(Loading.LNS_EXAMPLE, Map.of(), List.of("l2tp.max-sessions=20000000")))
                .singleElement().satisfies(e -> assertThat(e.toString()).contains("l2tp.max-sessions"));
    }

    @Test
    @DisplayName("a 6 MB file of 100,000 local users loads whole, every user in order (SnakeYAML's 3 MB default would refuse it)")
    void hundredThousandUsers() throws Exception {
        StringBuilder y = new StringBuilder(Files.readString(Loading.LNS_EXAMPLE).replace("local-users:", "old-users-unused:"));
        int cut = y.indexOf("old-users-unused:");
        int end = y.indexOf("\naaa:");
        y.delete(cut, end + 1);
        y.append("local-users:\n");
        for (int i = 0; i < 100_000; i++) {
            y.append("  - {name: \"user").append(i).append("@scale.example\", password: scale-user-password-").append(i).append("}\n");
        }
        assertThat(y.length()).isGreaterThan(3 << 20);
        VpdnConfig c = Loading.valid(Loading.write(dir, "big.yaml", y.toString()));
        assertThat(c.localUsers()).hasSize(100_000);
        // every entry, each once and in file order: Commons Configuration 2.15.1's YAML reader dropped an
        // entry whose map's identity hash collided with an earlier one (about 1 in 20,000)
        for (int i = 0; i < 100_000; i++) {
            LocalUser u = c.localUsers().get(i);
            if (!u.name().equals("user" + i + "@scale.example") || !u.password().reveal().equals("scale-user-password-" + i)) {
                throw new AssertionError("local user " + i + " is " + u.name());
            }
        }
    }
}
