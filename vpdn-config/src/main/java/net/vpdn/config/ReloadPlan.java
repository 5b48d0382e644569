package net.vpdn.config;

import java.util.List;

/**
 * What a reload would change and how each change takes effect, as computed by {@link ConfigDiff#plan}.
 * A process applies the live changes and reports the restart ones ("saved, needs a restart: ..."); it never
 * drops established tunnels or sessions because of a reload.
 *
 * @param changes every difference, in key order of the file
 */
public record ReloadPlan(List<Change> changes) {
    /** Copies the list. */
    public ReloadPlan {
        changes = List.copyOf(changes);
    }

    /** When a change takes effect. */
    public enum Effect {
        /** Applies at once (next authentication, next session match, next RADIUS request). */
        NOW,
        /** Applies to tunnels opened after the reload; established tunnels keep their parameters. */
        NEW_TUNNELS,
        /** Applies to sessions established after the reload; established sessions keep theirs. */
        NEW_SESSIONS,
        /** Cannot change without restarting the process; the running process keeps the old value. */
        RESTART
    }

    /**
     * One difference.
     *
     * @param key    the key, with list entries named rather than indexed: {@code vpdn-groups[corp].tunnel-secret}
     * @param effect when it takes effect
     * @param detail what changed, e.g. {@code 60s -> 30s}, {@code added}; secrets show only "changed"
     */
    public record Change(String key, Effect effect, String detail) {
        @Override
        public String toString() {
            return key + ": " + detail + " (" + effect.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
        }
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Whether some change waits for a restart. */
    public boolean needsRestart() {
        return changes.stream().anyMatch(c -> c.effect() == Effect.RESTART);
    }

    /** The changes a running process applies. */
    public List<Change> live() {
        return changes.stream().filter(c -> c.effect() != Effect.RESTART).toList();
    }

    /** The changes that wait for a restart. */
    public List<Change> restartRequired() {
        return changes.stream().filter(c -> c.effect() == Effect.RESTART).toList();
    }
}
