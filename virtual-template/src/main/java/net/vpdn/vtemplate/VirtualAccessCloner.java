package net.vpdn.vtemplate;

import java.util.Objects;
import java.util.Optional;
import net.vpdn.ppp.PppRandom;

/**
 * Clones Virtual-Access interfaces from templates: numbers them Virtual-Access1, 2, … reusing the
 * lowest freed number, and caps how many live at once. Numbers are a bitmap plus an array of the
 * live interfaces by unit (for admin lookups), so no map per session. Single-threaded.
 */
public final class VirtualAccessCloner {
    private final int maxInterfaces;
    private final PppRandom random;
    private final long[] usedUnits;
    private final VirtualAccess[] byUnit;
    private int lowestMaybeFree = 1;
    private int live;
    private long cloned;
    private long refused;

    /** A cloner for at most {@code maxInterfaces} live interfaces (units 1..max). */
    public VirtualAccessCloner(int maxInterfaces, PppRandom random) {
        if (maxInterfaces < 1 || maxInterfaces > (1 << 24)) {
            throw new IllegalArgumentException("maxInterfaces " + maxInterfaces + " outside 1..16777216");
        }
        this.maxInterfaces = maxInterfaces;
        this.random = Objects.requireNonNull(random, "random");
        this.usedUnits = new long[(maxInterfaces + 1 + 63) >>> 6];
        this.byUnit = new VirtualAccess[maxInterfaces + 1];
    }

    /**
     * Clones {@code template} into the lowest free Virtual-AccessN, or empty when
     * {@code maxInterfaces} are live.
     */
    public Optional<VirtualAccess> clone(VirtualTemplate template, LeaseProvider leases, long nowNanos) {
        if (live == maxInterfaces) {
            refused++;
            return Optional.empty();
        }
        int unit = lowestFree();
        usedUnits[unit >>> 6] |= 1L << (unit & 63);
        lowestMaybeFree = unit + 1;
        VirtualAccess access = new VirtualAccess(this, unit, template, leases, random, nowNanos);
        byUnit[unit] = access;
        live++;
        cloned++;
        return Optional.of(access);
    }

    /** The live interface with this unit number. */
    public Optional<VirtualAccess> find(int unit) {
        return unit >= 1 && unit <= maxInterfaces ? Optional.ofNullable(byUnit[unit]) : Optional.empty();
    }

    /** Interfaces live now. */
    public int live() {
        return live;
    }

    /** Interfaces cloned since start. */
    public long cloned() {
        return cloned;
    }

    /** Clones refused because the cap was reached. */
    public long refused() {
        return refused;
    }

    public int maxInterfaces() {
        return maxInterfaces;
    }

    /** Called once by {@link VirtualAccess#close}. */
    void freed(VirtualAccess access) {
        int unit = access.unit();
        if (byUnit[unit] != access) {
            throw new IllegalStateException(access.name() + " freed twice or by another cloner");
        }
        byUnit[unit] = null;
        usedUnits[unit >>> 6] &= ~(1L << (unit & 63));
        live--;
        lowestMaybeFree = Math.min(lowestMaybeFree, unit);
    }

    private int lowestFree() {
        for (int w = lowestMaybeFree >>> 6; w < usedUnits.length; w++) {
            long free = ~usedUnits[w];
            if (w == 0) {
                free &= ~1L; // unit 0 does not exist
            }
            if (free != 0) {
                int unit = (w << 6) + Long.numberOfTrailingZeros(free);
                if (unit <= maxInterfaces) {
                    return unit;
                }
            }
        }
        throw new IllegalStateException(live + " of " + maxInterfaces + " live but no free unit");
    }
}
