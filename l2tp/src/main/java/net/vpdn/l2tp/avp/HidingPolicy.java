package net.vpdn.l2tp.avp;

import java.util.EnumSet;
import java.util.Set;
import net.vpdn.l2tp.TunnelSecret;

/**
 * Which AVPs the encoder hides (RFC 2661 §4.3) and with what secret. Hiding a type that §4.4
 * says MUST NOT be hidden is a configuration error and is refused at construction.
 */
public final class HidingPolicy {
    private static final HidingPolicy NONE = new HidingPolicy(null, EnumSet.noneOf(AvpType.class));

    private final TunnelSecret secret;
    private final Set<AvpType> hidden;

    private HidingPolicy(TunnelSecret secret, Set<AvpType> hidden) {
        this.secret = secret;
        this.hidden = hidden;
    }

    /** Hide nothing. */
    public static HidingPolicy none() {
        return NONE;
    }

    /**
     * Hide the given types with {@code secret}.
     *
     * @throws IllegalArgumentException if a type may not be hidden per its {@link AvpTable} row
     */
    public static HidingPolicy hide(TunnelSecret secret, Set<AvpType> types) {
        java.util.Objects.requireNonNull(secret, "secret");
        EnumSet<AvpType> copy = types.isEmpty() ? EnumSet.noneOf(AvpType.class) : EnumSet.copyOf(types);
        for (AvpType t : copy) {
            if (!AvpTable.row(t).hideable()) {
                throw new IllegalArgumentException(AvpTable.row(t) + " MUST NOT be hidden");
            }
        }
        return new HidingPolicy(secret, copy);
    }

    /** Whether AVPs of {@code type} are sent hidden. */
    public boolean hides(AvpType type) {
        return hidden.contains(type);
    }

    /** The secret, or {@code null} for {@link #none()}. */
    TunnelSecret secret() {
        return secret;
    }

    @Override
    public String toString() {
        return secret == null ? "HidingPolicy[none]" : "HidingPolicy[hide=" + hidden + ", secret=<redacted>]";
    }
}
