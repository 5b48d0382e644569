package net.vpdn.runtime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.vpdn.config.ConfigError;
import net.vpdn.config.ConfigLoader;
import net.vpdn.config.ConfigResult;
import net.vpdn.config.Role;
import net.vpdn.config.VpdnConfig;

/**
 * Start-up of a process: {@code --config FILE} and {@code --set key=value} arguments, the
 * environment, and the rule that an invalid configuration stops the process before anything
 * starts, with every error named by file, key and problem.
 */
public final class ProcessStart {
    /** Exit status for a configuration the process refuses. */
    public static final int EXIT_BAD_CONFIG = 2;
    /** Exit status when a valid configuration could not be started: a port in use, an address refused. */
    public static final int EXIT_CANNOT_START = 3;

    private ProcessStart() {
    }

    /** The parsed command line: the file, the overrides, and the arguments left for the process. */
    public record Arguments(Path config, List<String> sets, List<String> rest) { }

    /** A refusal to start, with the text to print. */
    public static final class Refused extends Exception {
        private final List<String> lines;

        public Refused(List<String> lines) {
            super(String.join("\n", lines));
            this.lines = List.copyOf(lines);
        }

        public List<String> lines() {
            return lines;
        }
    }

    /** Splits argv into {@code --config}, {@code --set} and the rest. */
    public static Arguments parse(String[] args, Path defaultConfig) throws Refused {
        Path config = defaultConfig;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--config") || a.equals("-c")) {
                if (i + 1 >= args.length) throw new Refused(List.of("--config needs a file"));
                config = Path.of(args[++i]);
            } else if (a.startsWith("--config=")) {
                config = Path.of(a.substring("--config=".length()));
            } else if (a.equals("--set")) {
                if (i + 1 >= args.length) throw new Refused(List.of("--set needs key=value"));
                i++;
            } else if (!a.startsWith("--set=")) {
                rest.add(a);
            }
        }
        if (config == null) throw new Refused(List.of("no configuration: give --config FILE"));
        return new Arguments(config, ConfigLoader.setArguments(args), rest);
    }

    /** Loads and validates, refusing a file of the wrong role. */
    public static VpdnConfig load(Arguments a, Map<String, String> env, Role role) throws Refused {
        ConfigResult r = ConfigLoader.load(a.config(), env, a.sets());
        return switch (r) {
            case ConfigResult.Invalid inv -> throw new Refused(inv.errors().stream().map(ConfigError::toString).toList());
            case ConfigResult.Loaded l -> {
                if (l.config().role() != role) {
                    throw new Refused(List.of(a.config() + ": role: this is a " + l.config().role().name().toLowerCase()
                            + " configuration, and this process is the " + role.name().toLowerCase()));
                }
                yield l.config();
            }
        };
    }

    /** Prints a refusal the way operators read it: one problem per line, then what happened. */
    public static void report(String process, Refused r, PrintStream err) {
        for (String line : r.lines()) {
            err.println(process + ": " + line);
        }
        err.println(process + ": not started");
    }
}
