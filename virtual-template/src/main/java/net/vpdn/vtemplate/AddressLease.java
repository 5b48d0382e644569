package net.vpdn.vtemplate;

import java.util.Objects;
import net.vpdn.ppp.ipcp.Ipv4Address;

/**
 * One peer address held by one Virtual-Access interface. Released exactly once: a pooled address
 * goes back to its pool on the first {@link #release()}, later calls do nothing.
 */
public final class AddressLease {
    /** Where the address came from. */
    public enum Source {
        /** Allocated from an {@link Ipv4Pool}. */
        POOL,
        /** A per-user static address from local configuration. */
        STATIC,
        /** The address AAA authorized (RADIUS Framed-IP-Address). */
        AUTHORIZED
    }

    private final Ipv4Address address;
    private final Source source;
    private final Ipv4Pool pool;
    private boolean released;

    private AddressLease(Ipv4Address address, Source source, Ipv4Pool pool) {
        this.address = Objects.requireNonNull(address, "address");
        this.source = Objects.requireNonNull(source, "source");
        this.pool = pool;
    }

    /**
     * Takes an address from {@code pool}: the next free one, or exactly {@code wanted} when it is not
     * 0.0.0.0. Returns the refusal when the pool cannot give it.
     */
    public static Result fromPool(Ipv4Pool pool, Ipv4Address wanted, Source source) {
        Ipv4Pool.Allocation a = wanted.isAny() ? pool.allocate() : pool.allocate(wanted);
        return switch (a) {
            case Ipv4Pool.Allocated ok -> new Leased(new AddressLease(ok.address(), source, pool));
            case Ipv4Pool.Refused r -> new NotLeased(r.reason());
        };
    }

    /** An address that belongs to no pool (a static or authorized address outside every pool). */
    public static AddressLease unpooled(Ipv4Address address, Source source) {
        return new AddressLease(address, source, null);
    }

    /** The outcome of {@link #fromPool}. */
    public sealed interface Result permits Leased, NotLeased { }

    /** The lease. */
    public record Leased(AddressLease lease) implements Result { }

    /** No lease, for {@code reason}. */
    public record NotLeased(Ipv4Pool.AllocationFailure reason) implements Result { }

    public Ipv4Address address() {
        return address;
    }

    public Source source() {
        return source;
    }

    /** The pool name, or empty text for an unpooled address. */
    public String poolName() {
        return pool == null ? "" : pool.name();
    }

    public boolean isReleased() {
        return released;
    }

    /** Gives the address back; true the first time, false (and no effect) afterwards. */
    public boolean release() {
        if (released) {
            return false;
        }
        released = true;
        if (pool != null) {
            pool.release(address);
        }
        return true;
    }

    @Override
    public String toString() {
        return "AddressLease[" + address + " " + source + (pool == null ? "" : " from " + pool.name())
                + (released ? ", released" : "") + "]";
    }
}
