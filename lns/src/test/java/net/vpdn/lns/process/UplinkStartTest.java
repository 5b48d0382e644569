package net.vpdn.lns.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.vpdn.config.ConfigLoader;
import net.vpdn.config.ConfigResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("a TUN uplink that cannot be created stops the LNS's start, naming file and key")
class UplinkStartTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a namespace that does not exist: refused with tun-uplink.name and the reason; the L2TP port is released")
    void missingNamespace() throws Exception {
        Path file = Files.writeString(dir.resolve("lns.yaml"), """
                role: lns
                hostname: lns1
                l2tp: {listen-address: 127.0.0.1, listen-port: 0}
                vpdn-groups:
                  - name: from-lac1
                    accept-dialin: {virtual-template: "1"}
                    terminate-from: [lac1]
                    tunnel-secret: "s"
                virtual-templates:
                  - {name: "1", local-address: 10.99.0.1, peer-pool: p}
                ip-pools:
                  - {name: p, first: 10.99.0.10, last: 10.99.0.20}
                aaa: {authentication: [local], accounting: []}
                admin: {enabled: false}
                metrics: {enabled: false}
                tun-uplink: {enabled: true, name: vpdn9, netns: vpdn-no-such-ns}
                """);
        ConfigResult r = ConfigLoader.load(file, Map.of(), List.of());
        assertThat(r).as(r.toString()).isInstanceOf(ConfigResult.Loaded.class);
        assertThatThrownBy(() -> LnsProcess.start(((ConfigResult.Loaded) r).config()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("tun-uplink.name: vpdn9 in netns vpdn-no-such-ns");
    }
}
