package net.vpdn.vtemplate;

import java.util.Objects;
import java.util.Optional;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.session.PppSession;

/**
 * Virtual-AccessN: the interface cloned from a {@link VirtualTemplate} for one subscriber. It owns
 * its {@link PppSession}, its address lease, its data counters and its state, and
 * {@link #close(TerminateCause)} releases all of it exactly once (the address back to its pool,
 * the unit number back to the cloner). Plain fields, no collections: one instance per session at
 * carrier scale. Single-threaded, on the session's event loop.
 */
public final class VirtualAccess {
    /**
     * The data counters of one interface.
     *
     * @param packetsIn IPv4 packets received from the peer
     * @param octetsIn their octets
     * @param packetsOut IPv4 packets sent to the peer
     * @param octetsOut their octets
     * @param spoofDrops packets from the peer dropped for a source address that is not the peer's
     * @param otherDrops packets from the peer dropped for any other reason
     */
    public record Counters(long packetsIn, long octetsIn, long packetsOut, long octetsOut, long spoofDrops,
                           long otherDrops) { }

    private final VirtualAccessCloner cloner;
    private final int unit;
    private final VirtualTemplate template;
    private final PppSession ppp;
    private final LeaseProvider leases;
    private final long createdNanos;
    private VirtualAccessState state = VirtualAccessState.ESTABLISHING;
    private AddressLease lease;
    private String user;
    private TerminateCause closeCause;
    private long lastActivityNanos;
    private long packetsIn;
    private long octetsIn;
    private long packetsOut;
    private long octetsOut;
    private long spoofDrops;
    private long otherDrops;

    VirtualAccess(VirtualAccessCloner cloner, int unit, VirtualTemplate template, LeaseProvider leases,
                  PppRandom random, long nowNanos) {
        this.cloner = cloner;
        this.unit = unit;
        this.template = Objects.requireNonNull(template, "template");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.createdNanos = nowNanos;
        this.lastActivityNanos = nowNanos;
        this.ppp = new PppSession(template.pppConfig(this::peerAddressFor), random);
    }

    /** The N of Virtual-AccessN. */
    public int unit() {
        return unit;
    }

    /** "Virtual-AccessN". */
    public String name() {
        return "Virtual-Access" + unit;
    }

    public VirtualTemplate template() {
        return template;
    }

    public PppSession ppp() {
        return ppp;
    }

    public VirtualAccessState state() {
        return state;
    }

    public boolean isClosed() {
        return state == VirtualAccessState.CLOSED;
    }

    /** The authenticated user name, once known. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The peer's address lease, once IPCP asked for one (kept, released, after close). */
    public Optional<AddressLease> lease() {
        return Optional.ofNullable(lease);
    }

    /** The peer's address as an int (0 when none): the data plane's key. */
    public int peerAddressBits() {
        return lease == null || lease.isReleased() ? 0 : lease.address().bits();
    }

    public long createdNanos() {
        return createdNanos;
    }

    public long lastActivityNanos() {
        return lastActivityNanos;
    }

    /** Why it closed, once closed. */
    public Optional<TerminateCause> closeCause() {
        return Optional.ofNullable(closeCause);
    }

    /** Moves to {@code next} (ignored once closed: closing is final). */
    public void enter(VirtualAccessState next) {
        if (state != VirtualAccessState.CLOSED && next != VirtualAccessState.CLOSED) {
            state = next;
        }
    }

    /** The peer authenticated as {@code name}. */
    public void authenticated(String name) {
        this.user = Objects.requireNonNull(name, "name");
    }

    /** An IPv4 packet of {@code octets} came from the peer (counts as activity for the idle timeout). */
    public void countIn(int octets, long nowNanos) {
        packetsIn++;
        octetsIn += octets;
        lastActivityNanos = nowNanos;
    }

    /** An IPv4 packet of {@code octets} went to the peer. */
    public void countOut(int octets) {
        packetsOut++;
        octetsOut += octets;
    }

    /** A packet from the peer carried a source address that is not the peer's. */
    public void countSpoofDrop() {
        spoofDrops++;
    }

    /** A packet from the peer was dropped for another reason. */
    public void countOtherDrop() {
        otherDrops++;
    }

    public Counters counters() {
        return new Counters(packetsIn, octetsIn, packetsOut, octetsOut, spoofDrops, otherDrops);
    }

    /**
     * Closes the interface: releases the address lease and the unit number. True the first time;
     * later calls change nothing and return false. Stopping PPP and the call is the owner's job.
     */
    public boolean close(TerminateCause cause) {
        if (state == VirtualAccessState.CLOSED) {
            return false;
        }
        state = VirtualAccessState.CLOSED;
        closeCause = Objects.requireNonNull(cause, "cause");
        if (lease != null) {
            lease.release();
        }
        cloner.freed(this);
        return true;
    }

    /**
     * The peer's address, as IPCP asks for it: the lease is taken from the {@link LeaseProvider}
     * the first time and kept; empty once closed or when no address can be given.
     */
    public Optional<Ipv4Address> peerAddressFor(Ipv4Address requested) {
        if (state == VirtualAccessState.CLOSED) {
            return Optional.empty();
        }
        if (lease == null) {
            lease = leases.lease(this, requested).orElse(null);
        }
        return lease == null ? Optional.empty() : Optional.of(lease.address());
    }

    @Override
    public String toString() {
        return name() + "[" + state + (user == null ? "" : ", user " + user)
                + (lease == null ? "" : ", " + lease.address()) + "]";
    }
}
