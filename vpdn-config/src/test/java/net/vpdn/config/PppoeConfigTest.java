package net.vpdn.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("pppoe-interfaces: the LAC's PPPoE access")
class PppoeConfigTest {
    static final String YAML = ValidationErrorsTest.LAC + ValidationErrorsTest.LAC_GROUP + """
            pppoe-interfaces:
              - name: eth1
                netns: access
                vlan: 100
                ac-name: bras-1
                service-names: [internet, voip]
                cookie-secret: "pppoe-cookie-secret-value"
                max-sessions: 4000
                padi-limit: 500
                padi-limit-per-mac: 0
              - {name: eth2, cookie-secret: "another-cookie-secret"}
            """;

    @TempDir
    Path dir;

    @Test
    @DisplayName("every key bound, defaults for the second interface, the cookie secret never in toString")
    void binds() {
        VpdnConfig c = Loading.valid(Loading.write(dir, "lac.yaml", YAML));
        assertThat(c.pppoeInterfaces()).hasSize(2);
        PppoeInterface a = c.pppoeInterfaces().get(0);
        assertThat(a.name()).isEqualTo("eth1");
        assertThat(a.netns()).contains("access");
        assertThat(a.vlan()).isEqualTo(OptionalInt.of(100));
        assertThat(a.acName()).isEqualTo("bras-1");
        assertThat(a.serviceNames()).containsExactly("internet", "voip");
        assertThat(a.cookieSecret().reveal()).isEqualTo("pppoe-cookie-secret-value");
        assertThat(a.maxSessions()).isEqualTo(4000);
        assertThat(a.padiLimit()).isEqualTo(500);
        assertThat(a.padiLimitPerMac()).as("0: no per-MAC limit").isZero();
        PppoeInterface b = c.pppoeInterfaces().get(1);
        assertThat(b.acName()).as("the hostname").isEqualTo("lac1");
        assertThat(b.vlan()).isEmpty();
        assertThat(b.serviceNames()).isEmpty();
        assertThat(b.maxSessions()).isEqualTo(PppoeInterface.DEFAULT_MAX_SESSIONS);
        assertThat(b.padiLimit()).isEqualTo(PppoeInterface.DEFAULT_PADI_LIMIT).isEqualTo(1000);
        assertThat(b.padiLimitPerMac()).isEqualTo(PppoeInterface.DEFAULT_PADI_LIMIT_PER_MAC).isEqualTo(3);
        assertThat(c.toString()).doesNotContain("pppoe-cookie-secret-value").doesNotContain("another-cookie-secret");
    }

    @Test
    @DisplayName("a changed interface needs a restart, and the running one stays in effect")
    void reloadNeedsRestart() {
        VpdnConfig running = Loading.valid(Loading.write(dir, "a.yaml", YAML));
        VpdnConfig loaded = Loading.valid(Loading.write(dir, "b.yaml", YAML.replace("vlan: 100", "vlan: 200")));
        ReloadPlan plan = ConfigDiff.plan(running, loaded);
        assertThat(plan.changes()).singleElement().satisfies(ch -> {
            assertThat(ch.key()).startsWith("pppoe-interfaces[eth1]");
            assertThat(ch.effect()).isEqualTo(ReloadPlan.Effect.RESTART);
        });
        assertThat(ConfigDiff.effective(running, loaded).pppoeInterfaces().getFirst().vlan()).isEqualTo(OptionalInt.of(100));
        assertThat(Loading.valid(Loading.write(dir, "c.yaml", ValidationErrorsTest.LAC + ValidationErrorsTest.LAC_GROUP),
                Map.of(), List.of()).pppoeInterfaces()).isEmpty();
    }
}
