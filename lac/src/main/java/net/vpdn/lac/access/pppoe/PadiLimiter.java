package net.vpdn.lac.access.pppoe;

/**
 * PADI storm protection: how many PADIs the AC answers, per second on the interface and per second per
 * client MAC. Pure and clock-injected ({@code nowNanos} comes in with every call), single-threaded (the
 * LAC's loop), and allocation-free per packet.
 *
 * <p>Each limit is a token bucket kept as one number, its theoretical arrival time (the generic cell
 * rate algorithm): a PADI conforms when {@code tat - now <= (burst - 1) * interval}, and an answered
 * PADI moves {@code tat} to {@code max(tat, now) + interval}. A refused PADI changes nothing, so a
 * client that keeps sending gets answered at exactly the rate.
 *
 * <p>The per-MAC buckets live in a fixed table ({@code slots}, a power of two, 4-way set-associative
 * through a keyed hash). A MAC whose bucket is full again is worth nothing and is overwritten first;
 * when the 4 candidate slots are all busy, the one closest to full is evicted. A storm from random MACs
 * therefore costs no memory beyond the table, and a client that keeps hitting its limit (its bucket is
 * empty, far from full) outlives the one-PADI MACs around it. The interface limit bounds what such a
 * storm gets answered.
 */
public final class PadiLimiter {
    /** What {@link #admit} decided. */
    public enum Verdict { ANSWER, OVER_INTERFACE_LIMIT, OVER_MAC_LIMIT }

    /** Per-MAC table entries by default: 8192 MACs in 128 KiB. */
    public static final int DEFAULT_SLOTS = 8192;
    private static final int WAYS = 4;
    private static final long SECOND = 1_000_000_000L;

    private final long ifInterval;
    private final long ifTolerance;
    private final long macInterval;
    private final long macTolerance;
    private final long seed;
    private final int mask;
    /** MAC + 1 per slot, 0 = free. */
    private final long[] macs;
    private final long[] tats;
    private long ifTat;
    private boolean ifIdle = true;

    /**
     * @param perSecond    PADIs answered per second on the interface, 0 = no limit
     * @param burst        how many of them may come back to back (at least 1)
     * @param perMacSecond PADIs answered per second to one MAC, 0 = no limit
     * @param macBurst     how many of them may come back to back (at least 1)
     * @param slots        per-MAC table size, a power of two at least {@value #WAYS}
     * @param seed         hash key, so that a sender cannot choose MACs that share a victim's slots
     */
    public PadiLimiter(int perSecond, int burst, int perMacSecond, int macBurst, int slots, long seed) {
        if (perSecond < 0 || perMacSecond < 0) throw new IllegalArgumentException("a rate below 0");
        if (burst < 1 || macBurst < 1) throw new IllegalArgumentException("a burst below 1");
        if (slots < WAYS || Integer.bitCount(slots) != 1) throw new IllegalArgumentException("slots " + slots);
        this.ifInterval = perSecond == 0 ? 0 : SECOND / perSecond;
        this.ifTolerance = (burst - 1) * ifInterval;
        this.macInterval = perMacSecond == 0 ? 0 : SECOND / perMacSecond;
        this.macTolerance = (macBurst - 1) * macInterval;
        this.seed = seed;
        this.mask = slots - 1;
        this.macs = new long[perMacSecond == 0 ? 0 : slots];
        this.tats = new long[macs.length];
    }

    /** The limits of a {@code pppoe-interfaces} entry: a second's worth of burst on the interface, {@link #macBurst} per MAC. */
    public static PadiLimiter of(int perSecond, int perMacSecond, long seed) {
        return new PadiLimiter(perSecond, Math.max(1, perSecond), perMacSecond, macBurst(perMacSecond), DEFAULT_SLOTS, seed);
    }

    /** The back-to-back PADIs one MAC gets: a second's worth, at least 3 (pppd and rp-pppoe resend a PADI after 1 to 5 s). */
    public static int macBurst(int perMacSecond) {
        return Math.max(3, perMacSecond);
    }

    /** Whether a PADI from {@code mac} arriving at {@code nowNanos} is answered; if so, it is counted against both limits. */
    public Verdict admit(long mac, long nowNanos) {
        int slot = macInterval == 0 ? -1 : slot(mac, nowNanos);
        if (slot >= 0 && tats[slot] - nowNanos > macTolerance) return Verdict.OVER_MAC_LIMIT;
        if (ifIdle) {
            ifTat = nowNanos;
            ifIdle = false;
        }
        if (ifInterval != 0 && ifTat - nowNanos > ifTolerance) return Verdict.OVER_INTERFACE_LIMIT;
        if (ifInterval != 0) ifTat = later(ifTat, nowNanos) + ifInterval;
        if (slot >= 0) tats[slot] = later(tats[slot], nowNanos) + macInterval;
        return Verdict.ANSWER;
    }

    /** The later of two {@code System.nanoTime}-style instants (compared by difference: they may wrap). */
    private static long later(long a, long b) {
        return a - b > 0 ? a : b;
    }

    /** MACs with a bucket in the table (at most its size); for tests and diagnostics. */
    public int trackedMacs() {
        int n = 0;
        for (long m : macs) if (m != 0) n++;
        return n;
    }

    /** The table size: the most MACs ever tracked. */
    public int capacity() {
        return macs.length;
    }

    /** {@code mac}'s slot, claiming one when it has none: a free slot, else the bucket closest to full (or full). */
    private int slot(long mac, long now) {
        int base = hash(mac) & mask & ~(WAYS - 1);
        int victim = -1;
        for (int i = base; i < base + WAYS; i++) {
            if (macs[i] == mac + 1) return i;
            if (victim < 0 || macs[victim] != 0 && (macs[i] == 0 || tats[i] - tats[victim] < 0)) victim = i;
        }
        macs[victim] = mac + 1;
        tats[victim] = now;
        return victim;
    }

    private int hash(long mac) {
        long h = (mac ^ seed) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ h >>> 32);
    }
}
