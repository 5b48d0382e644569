package net.vpdn.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every {@link ConfigError} of one load, in the order found. */
final class Problems {
    private final List<ConfigError> errors = new ArrayList<>();

    void add(String origin, String key, String problem) {
        errors.add(new ConfigError(origin, key, problem));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<ConfigError> list() {
        return List.copyOf(errors);
    }
}
