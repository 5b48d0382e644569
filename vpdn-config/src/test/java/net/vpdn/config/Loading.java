package net.vpdn.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test helpers: write YAML to a file and load it, expecting success or failure. */
final class Loading {
    static final Path LAC_EXAMPLE = Path.of("examples/lac.yaml");
    static final Path LNS_EXAMPLE = Path.of("examples/lns.yaml");

    private Loading() {
    }

    static Path write(Path dir, String name, String yaml) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static VpdnConfig valid(Path file, Map<String, String> env, List<String> sets) {
        ConfigResult result = ConfigLoader.load(file, env, sets);
        assertThat(result).as("load %s", file).isInstanceOf(ConfigResult.Loaded.class);
        return ((ConfigResult.Loaded) result).config();
    }

    static VpdnConfig valid(Path file) {
        return valid(file, Map.of(), List.of());
    }

    static List<ConfigError> errors(Path file, Map<String, String> env, List<String> sets) {
        ConfigResult result = ConfigLoader.load(file, env, sets);
        assertThat(result).as("load %s", file).isInstanceOf(ConfigResult.Invalid.class);
        return ((ConfigResult.Invalid) result).errors();
    }

    static List<ConfigError> errors(Path file) {
        return errors(file, Map.of(), List.of());
    }
}
