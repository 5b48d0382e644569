package net.vpdn.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads, overrides and validates a vpdn configuration. The one entry point of this module:
 * <pre>{@code
 * switch (ConfigLoader.load(path, System.getenv(), setArgs)) {
 *     case ConfigResult.Loaded(VpdnConfig config) -> start(config);
 *     case ConfigResult.Invalid(List<ConfigError> errors) -> { errors.forEach(System.err::println); exit(2); }
 * }
 * }</pre>
 * Sources, lowest precedence first: the YAML file (read with Commons Configuration 2's
 * {@code YAMLConfiguration}), environment variables {@code VPDN__A__B_C} for key {@code a.b-c}, then
 * {@code --set a.b-c=value} arguments in order. Every error of every source is returned at once;
 * values are never echoed for secret keys. Loading has no side effects besides reading the file and the
 * secret files it names, so a reload can call it and keep the old configuration if it fails.
 */
public final class ConfigLoader {
    /** Environment variables whose name starts with this are configuration keys. */
    public static final String ENV_PREFIX = Overrides.ENV_PREFIX;

    private ConfigLoader() {
    }

    /**
     * Loads {@code file} with overrides.
     *
     * @param file        the YAML file; secret files it names are resolved against its folder
     * @param environment the process environment (only {@code VPDN__} names are used)
     * @param sets        {@code key=value} assignments from {@code --set}, in command-line order
     */
    public static ConfigResult load(Path file, Map<String, String> environment, List<String> sets) {
        Problems problems = new Problems();
        RawNode.MapNode tree = YamlSource.read(file, problems);
        if (!problems.isEmpty()) {
            // Nothing was read, so every required key would be reported missing too: noise, not help.
            return new ConfigResult.Invalid(problems.list());
        }
        Overrides.applyEnvironment(tree, environment, problems);
        Overrides.applySets(tree, sets, problems);
        Path folder = file.toAbsolutePath().getParent();
        Section.Context context = new Section.Context(problems, folder, new ArrayList<>());
        ConfigBinder.BoundConfig bound = ConfigBinder.bind(file, new Section(context, "", tree));
        // Copy first: cross-checks may open nested sections, and those must not report their keys again.
        List.copyOf(context.sections()).forEach(Section::reportUnknownKeys);
        CrossChecks.check(bound);
        return problems.isEmpty() ? new ConfigResult.Loaded(bound.config())
                : new ConfigResult.Invalid(problems.list());
    }

    /** Loads {@code file} with no overrides. */
    public static ConfigResult load(Path file) {
        return load(file, Map.of(), List.of());
    }

    /**
     * Collects the values of {@code --set key=value} and {@code --set=key=value} from a command line,
     * for processes that do not parse their arguments with a library.
     */
    public static List<String> setArguments(String... args) {
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--set") && i + 1 < args.length) {
                sets.add(args[++i]);
            } else if (args[i].startsWith("--set=")) {
                sets.add(args[i].substring("--set=".length()));
            }
        }
        return sets;
    }
}
