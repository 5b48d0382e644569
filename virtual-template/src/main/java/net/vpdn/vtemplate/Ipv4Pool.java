package net.vpdn.vtemplate;

import java.util.Objects;
import net.vpdn.ppp.ipcp.Ipv4Address;

/**
 * A pool of IPv4 peer addresses over one contiguous range: a bitmap of addresses in use and one of
 * static reservations, with a next-fit cursor so that a freed address is not handed out again at
 * once. Allocation scans 64 addresses per step from the cursor (O(1) while the pool is not nearly
 * full); release is O(1) and detects double release. Single-threaded: owned by one event loop.
 */
public final class Ipv4Pool {
    /** The largest pool: a /8 is already far beyond one LNS. */
    public static final int MAX_SIZE = 1 << 24;

    /** The outcome of an allocation. */
    public sealed interface Allocation permits Allocated, Refused { }

    /** An address was taken. */
    public record Allocated(Ipv4Address address) implements Allocation { }

    /** No address was taken, for {@code reason}. */
    public record Refused(AllocationFailure reason) implements Allocation { }

    /** Why an allocation was refused. */
    public enum AllocationFailure {
        /** Every non-reserved address is in use. */
        EXHAUSTED,
        /** The address asked for is not in this pool. */
        OUT_OF_RANGE,
        /** The address asked for is already in use. */
        IN_USE
    }

    /** The outcome of a release. */
    public enum Release {
        /** The address was in use and is free again. */
        RELEASED,
        /** The address was not in use: a double release (counted; a bug in the caller). */
        NOT_ALLOCATED,
        /** The address is not in this pool. */
        OUT_OF_RANGE
    }

    /**
     * A snapshot of the counters, for metrics.
     *
     * @param size addresses in the pool
     * @param reserved addresses set aside for static assignment
     * @param inUse addresses allocated now (reserved ones included once taken)
     * @param peakInUse the most in use at once
     * @param allocations successful allocations
     * @param releases successful releases
     * @param exhaustions allocations refused because the pool was exhausted
     * @param doubleReleases releases of addresses that were not in use
     */
    public record Usage(String name, int size, int reserved, int inUse, int peakInUse, long allocations, long releases,
                        long exhaustions, long doubleReleases) { }

    private final String name;
    private final int first;
    private final int size;
    private final long[] used;
    private final long[] reservedBits;
    private int reservedCount;
    private int freeUnreserved;
    private int cursor;
    private int inUse;
    private int peakInUse;
    private long allocations;
    private long releases;
    private long exhaustions;
    private long doubleReleases;

    private Ipv4Pool(String name, int first, int size) {
        this.name = Objects.requireNonNull(name, "name");
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("pool " + name + " size " + size + " outside 1.." + MAX_SIZE);
        }
        this.first = first;
        this.size = size;
        this.used = new long[(size + 63) >>> 6];
        this.reservedBits = new long[used.length];
        this.freeUnreserved = size;
    }

    /** The addresses {@code first}..{@code last} inclusive. */
    public static Ipv4Pool range(String name, Ipv4Address first, Ipv4Address last) {
        long size = Integer.toUnsignedLong(last.bits()) - Integer.toUnsignedLong(first.bits()) + 1;
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("pool " + name + ": range " + first + ".." + last + " is empty or too large");
        }
        return new Ipv4Pool(name, first.bits(), (int) size);
    }

    /**
     * The host addresses of a CIDR block ("10.0.0.0/16"): the network and broadcast addresses
     * are left out for prefixes up to /30 (RFC 3021 point-to-point /31 keeps both).
     */
    public static Ipv4Pool cidr(String name, String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("pool " + name + ": not a CIDR block: " + cidr);
        }
        int prefix = Integer.parseInt(cidr.substring(slash + 1));
        if (prefix < 8 || prefix > 32) {
            throw new IllegalArgumentException("pool " + name + ": prefix /" + prefix + " outside /8../32");
        }
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        int network = Ipv4Address.of(cidr.substring(0, slash)).bits() & mask;
        int last = network | ~mask;
        if (prefix <= 30) {
            return range(name, new Ipv4Address(network + 1), new Ipv4Address(last - 1));
        }
        return range(name, new Ipv4Address(network), new Ipv4Address(last));
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    public Ipv4Address firstAddress() {
        return new Ipv4Address(first);
    }

    public Ipv4Address lastAddress() {
        return new Ipv4Address(first + size - 1);
    }

    /** Whether {@code address} lies in this pool's range. */
    public boolean contains(Ipv4Address address) {
        return offset(address) >= 0;
    }

    /** Whether {@code address} is allocated now. */
    public boolean isInUse(Ipv4Address address) {
        int i = offset(address);
        return i >= 0 && bit(used, i);
    }

    /**
     * Sets {@code address} aside for static assignment: {@link #allocate()} never hands it out,
     * {@link #allocate(Ipv4Address)} does. Returns false when it is out of range or already reserved.
     */
    public boolean reserve(Ipv4Address address) {
        int i = offset(address);
        if (i < 0 || bit(reservedBits, i)) {
            return false;
        }
        set(reservedBits, i, true);
        reservedCount++;
        if (!bit(used, i)) {
            freeUnreserved--;
        }
        return true;
    }

    /** Takes the next free, non-reserved address. */
    public Allocation allocate() {
        if (freeUnreserved == 0) {
            exhaustions++;
            return new Refused(AllocationFailure.EXHAUSTED);
        }
        int i = nextFree();
        take(i);
        freeUnreserved--;
        cursor = i + 1 == size ? 0 : i + 1;
        return new Allocated(new Ipv4Address(first + i));
    }

    /** Takes exactly {@code address} (a static reservation, or the address AAA named). */
    public Allocation allocate(Ipv4Address address) {
        int i = offset(address);
        if (i < 0) {
            return new Refused(AllocationFailure.OUT_OF_RANGE);
        }
        if (bit(used, i)) {
            return new Refused(AllocationFailure.IN_USE);
        }
        take(i);
        if (!bit(reservedBits, i)) {
            freeUnreserved--;
        }
        return new Allocated(address);
    }

    /** Returns {@code address} to the pool. */
    public Release release(Ipv4Address address) {
        int i = offset(address);
        if (i < 0) {
            return Release.OUT_OF_RANGE;
        }
        if (!bit(used, i)) {
            doubleReleases++;
            return Release.NOT_ALLOCATED;
        }
        set(used, i, false);
        inUse--;
        releases++;
        if (!bit(reservedBits, i)) {
            freeUnreserved++;
        }
        return Release.RELEASED;
    }

    /** The counters now. */
    public Usage usage() {
        return new Usage(name, size, reservedCount, inUse, peakInUse, allocations, releases, exhaustions, doubleReleases);
    }

    private void take(int i) {
        set(used, i, true);
        inUse++;
        allocations++;
        peakInUse = Math.max(peakInUse, inUse);
    }

    /** The first offset at or after the cursor (wrapping) that is neither used nor reserved; one exists. */
    private int nextFree() {
        int words = used.length;
        int w = cursor >>> 6;
        long firstMask = -1L << (cursor & 63);
        for (int n = 0; n <= words; n++) {
            int word = (w + n) % words;
            long free = ~(used[word] | reservedBits[word]);
            if (n == 0) {
                free &= firstMask;
            }
            if (word == words - 1 && (size & 63) != 0) {
                free &= (1L << (size & 63)) - 1;
            }
            if (free != 0) {
                return (word << 6) + Long.numberOfTrailingZeros(free);
            }
        }
        throw new IllegalStateException("pool " + name + " counted " + freeUnreserved + " free addresses but has none");
    }

    private int offset(Ipv4Address address) {
        long i = Integer.toUnsignedLong(address.bits()) - Integer.toUnsignedLong(first);
        return i >= 0 && i < size ? (int) i : -1;
    }

    private static boolean bit(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << (i & 63))) != 0;
    }

    private static void set(long[] bits, int i, boolean on) {
        if (on) {
            bits[i >>> 6] |= 1L << (i & 63);
        } else {
            bits[i >>> 6] &= ~(1L << (i & 63));
        }
    }

    @Override
    public String toString() {
        return "Ipv4Pool[" + name + " " + firstAddress() + ".." + lastAddress() + ", " + inUse + "/" + size + " in use]";
    }
}
