package net.vpdn.lac.process;

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

@DisplayName("a PPPoE interface that cannot be opened stops the LAC's start, naming file and key")
class PppoeStartTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("no such interface (or no CAP_NET_RAW): refused with pppoe-interfaces.0.name and the reason")
    void missingInterface() throws Exception {
        Path file = Files.writeString(dir.resolve("lac.yaml"), """
                role: lac
                hostname: lac1
                l2tp: {listen-address: 127.0.0.1, listen-port: 0}
                vpdn-groups:
                  - name: g
                    request-dialin: {domains: [example.com]}
                    initiate-to: [{address: 127.0.0.1}]
                    tunnel-secret: "s"
                pppoe-interfaces:
                  - {name: vpdn-none0, cookie-secret: "0123456789abcdef"}
                admin: {enabled: false}
                metrics: {enabled: false}
                """);
        ConfigResult r = ConfigLoader.load(file, Map.of(), List.of());
        org.assertj.core.api.Assertions.assertThat(r).as(r.toString()).isInstanceOf(ConfigResult.Loaded.class);
        var config = ((ConfigResult.Loaded) r).config();
        assertThatThrownBy(() -> LacProcess.start(config, AccessOptions.none()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("pppoe-interfaces.0.name: vpdn-none0")
                .hasMessageNotContaining("0123456789abcdef");
    }
}
