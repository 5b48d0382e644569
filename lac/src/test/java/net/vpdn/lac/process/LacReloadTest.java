package net.vpdn.lac.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.vpdn.admin.ReloadReport;
import net.vpdn.config.ConfigLoader;
import net.vpdn.config.ConfigResult;
import net.vpdn.config.VpdnConfig;
import net.vpdn.lac.select.CallKey;
import net.vpdn.lac.select.RefusalReason;
import net.vpdn.lac.select.Selection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("LAC reload: groups and the method list apply to the next call; the rest waits for a restart")
class LacReloadTest {
    @TempDir
    Path dir;

    static Selection select(LacProcess lac, String user, String domain) throws Exception {
        CompletableFuture<Selection> answer = new CompletableFuture<>();
        lac.selector().select(new CallKey(user, Optional.of(domain), "0311", "100"), answer::complete);
        return answer.get(5, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a domain added to a group is tunnelled after reload; a changed listen port is reported, not applied")
    void addDomain() throws Exception {
        VpdnConfig running = TestConfigs.toLns(dir, 1701, "metrics.enabled=false", "admin.enabled=false");
        Path file = running.source();
        var access = (AccessOptions.Parsed.Ok) AccessOptions.parse(List.of());
        try (LacProcess lac = LacProcess.start(running, access.options(),
                () -> ConfigLoader.load(file, Map.of(), List.of("metrics.enabled=false", "admin.enabled=false")))) {
            assertThat(select(lac, "x@other.example", "other.example")).isInstanceOfSatisfying(Selection.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(RefusalReason.NO_VPDN_MATCH));

            Files.writeString(file, Files.readString(file)
                    .replace("domains: [example.com]", "domains: [example.com, other.example]")
                    .replace("listen-port: 0", "listen-port: 1702"));
            ReloadReport report = lac.reloadFromSource();

            assertThat(report.errors()).isEmpty();
            assertThat(report.applied()).anyMatch(k -> k.startsWith("vpdn-groups"));
            assertThat(report.restartRequired()).contains("l2tp.listen-port");
            assertThat(select(lac, "x@other.example", "other.example")).isInstanceOf(Selection.Tunnels.class);
            assertThat(lac.config().l2tp().listenPort()).as("the listener stays where it is").isZero();
        }
    }

    @Test
    @DisplayName("an invalid file changes nothing and the report names file, key and problem")
    void invalidFile() throws Exception {
        VpdnConfig running = TestConfigs.toLns(dir, 1701, "metrics.enabled=false", "admin.enabled=false");
        Path file = running.source();
        var access = (AccessOptions.Parsed.Ok) AccessOptions.parse(List.of());
        try (LacProcess lac = LacProcess.start(running, access.options(),
                () -> ConfigLoader.load(file, Map.of(), List.of("metrics.enabled=false", "admin.enabled=false")))) {
            Files.writeString(file, Files.readString(file).replace("domains: [example.com]", "domainz: [example.com]"));
            ReloadReport report = lac.reloadFromSource();
            assertThat(report.errors()).anySatisfy(e -> assertThat(e).contains("lac.yaml").contains("domainz"));
            assertThat(select(lac, "x@example.com", "example.com")).isInstanceOf(Selection.Tunnels.class);
        }
    }
}
