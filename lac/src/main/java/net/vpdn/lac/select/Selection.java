package net.vpdn.lac.select;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A {@link TunnelSelector}'s answer. */
public sealed interface Selection {

    /** Tunnel sets to try, sorted here by Tunnel-Preference (stable for equal preferences). */
    record Tunnels(List<TunnelSet> sets) implements Selection {
        public Tunnels {
            sets = sets.stream().sorted(Comparator.comparingInt(TunnelSet::preference)).toList();
            if (sets.isEmpty()) throw new IllegalArgumentException("no tunnel sets: answer Refused instead");
        }
    }

    /** No VPDN for this call: {@code detail} is for logs. */
    record Refused(RefusalReason reason, String detail) implements Selection {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
