package net.vpdn.admin;

import java.util.List;

/**
 * What a configuration reload did. Each entry names a configuration key or section and what happened to it,
 * never a value: a key such as {@code tunnel.secret} may appear, its value must not.
 *
 * @param applied         changes now in effect
 * @param restartRequired changes read but only effective after a restart (for example a listen address)
 * @param errors          problems that stopped the reload; when not empty nothing was applied
 */
public record ReloadReport(List<String> applied, List<String> restartRequired, List<String> errors) {

    /** Copies the lists, so a report is immutable. */
    public ReloadReport {
        applied = List.copyOf(applied);
        restartRequired = List.copyOf(restartRequired);
        errors = List.copyOf(errors);
    }

    /** True when the reload failed. */
    public boolean failed() {
        return !errors.isEmpty();
    }
}
