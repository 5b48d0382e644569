package net.vpdn.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.vpdn.config.ConfigLoader;
import net.vpdn.config.ConfigResult;
import net.vpdn.lac.process.AccessOptions;
import net.vpdn.lac.process.LacProcess;

/**
 * The LAC process of the real-peer tests: one request-dialin group for {@code example.com} that
 * tunnels to an LNS on 127.0.0.1, with the emulator options given; admin and metrics off.
 */
public final class OneGroupLac {
    private OneGroupLac() {
    }

    public static LacProcess start(Path dir, int lnsPort, String secret, List<String> emulatorOptions) throws Exception {
        String yaml = """
                role: lac
                hostname: lac1
                l2tp: {listen-address: 127.0.0.1, listen-port: 0}
                vpdn-groups:
                  - name: example-com
                    request-dialin: {domains: [example.com]}
                    initiate-to:
                      - {address: 127.0.0.1, port: %d}
                    tunnel-secret: "%s"
                admin: {enabled: false}
                metrics: {enabled: false}
                """.formatted(lnsPort, secret);
        Path file = Files.writeString(dir.resolve("lac.yaml"), yaml);
        ConfigResult r = ConfigLoader.load(file, Map.of(), List.of());
        assertThat(r).as(r.toString()).isInstanceOf(ConfigResult.Loaded.class);
        AccessOptions.Parsed access = AccessOptions.parse(emulatorOptions);
        assertThat(access).as(access.toString()).isInstanceOf(AccessOptions.Parsed.Ok.class);
        return LacProcess.start(((ConfigResult.Loaded) r).config(), ((AccessOptions.Parsed.Ok) access).options());
    }
}
