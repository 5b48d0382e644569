package net.vpdn.config;

import java.util.List;

/** The outcome of {@link ConfigLoader#load}: a valid configuration, or every error found. */
public sealed interface ConfigResult {
    /** A configuration that passed every check. */
    record Loaded(VpdnConfig config) implements ConfigResult {
    }

    /**
     * A configuration that must not be used; the process must not start (or a reload must be refused).
     *
     * @param errors all errors found, in file order, never empty
     */
    record Invalid(List<ConfigError> errors) implements ConfigResult {
        /** Copies the list. */
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
