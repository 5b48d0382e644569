package net.vpdn.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("VpdnChild: the launcher of LNS and LAC processes")
class VpdnChildTest {
    @Test
    @DisplayName("parses both processes' ready lines, with admin or metrics off, and nothing else")
    void readyLines() {
        var lns = VpdnChild.parseReady("vpdn lns ready: l2tp 127.0.0.1:1701 admin 127.0.0.1:9180 metrics 127.0.0.1:9181");
        assertThat(lns).hasValueSatisfying(r -> {
            assertThat(r.l2tp()).isEqualTo(new InetSocketAddress("127.0.0.1", 1701));
            assertThat(r.adminUrl()).contains("http://127.0.0.1:9180");
            assertThat(r.metricsUrl()).contains("http://127.0.0.1:9181");
        });
        var lac = VpdnChild.parseReady("vpdn lac ready: l2tp 127.0.0.1:40121 admin off metrics off");
        assertThat(lac).hasValueSatisfying(r -> {
            assertThat(r.l2tp().getPort()).isEqualTo(40121);
            assertThat(r.admin()).isEmpty();
            assertThat(r.metrics()).isEmpty();
        });
        assertThat(VpdnChild.parseReady("vpdn lac ready: l2tp 127.0.0.1:40121 admin off")).hasValueSatisfying(
                r -> assertThat(r.metrics()).isEmpty());
        assertThat(VpdnChild.parseReady("vpdn lac summary: 3 subscribers")).isEmpty();
        assertThat(VpdnChild.parseReady("")).isEmpty();
    }

    @Test
    @DisplayName("children run this JVM's java on the given class path, with the product's logging configuration")
    void command() {
        var spec = VpdnChild.Spec.lns(List.of("--config", "lns.yaml"), Path.of("lns.log")).withJvmOptions(List.of("-Xmx64m"));
        List<String> cmd = spec.command();
        assertThat(cmd.getFirst()).endsWith("/bin/java");
        assertThat(cmd).containsSubsequence("-Dlogback.configurationFile=logback.xml", "-Xmx64m", "-cp",
                VpdnChild.ownClassPath(), "net.vpdn.lns.LnsMain", "--config", "lns.yaml");
    }
}
