package net.vpdn.lns.ip;

import io.netty.buffer.ByteBuf;
import java.util.Objects;
import java.util.Optional;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.vtemplate.VirtualAccess;
import net.vpdn.vtemplate.VirtualAccessState;

/**
 * The in-process IPv4 plane of one LNS event loop: routes from subscriber addresses to their
 * sessions (an int-keyed open-addressing map, no boxing), Echo Replies for the LNS's own
 * addresses, forwarding between subscribers, anti-spoofing, and an optional {@link PacketEgress}
 * (the future TUN uplink) for everything else. Never throws on packet content; every drop is
 * counted by reason. Single-threaded: on the loop that owns the sessions.
 */
public final class IpForwarder {
    private static final Boolean LOCAL = Boolean.TRUE;

    private final IntKeyMap<IpPort> routes;
    private final IntKeyMap<Boolean> localAddresses = new IntKeyMap<>(16);
    private final Optional<PacketEgress> egress;
    private final long[] drops = new long[IpDropReason.values().length];
    private long forwarded;
    private long echoReplies;
    private long toEgress;

    /** A forwarder sized for {@code expectedSessions}, sending unknown destinations to {@code egress} if present. */
    public IpForwarder(int expectedSessions, Optional<PacketEgress> egress) {
        this.routes = new IntKeyMap<>(expectedSessions);
        this.egress = Objects.requireNonNull(egress, "egress");
    }

    /** Answers pings to {@code address} (a template's local address). */
    public void addLocalAddress(Ipv4Address address) {
        localAddresses.putIfAbsent(address.bits(), LOCAL);
    }

    /** Routes {@code address} to {@code port}; false when another session already has it (or it is ours). */
    public boolean addRoute(Ipv4Address address, IpPort port) {
        if (localAddresses.get(address.bits()) != null) {
            return false;
        }
        return routes.putIfAbsent(address.bits(), port);
    }

    /** Removes the route if it still points at {@code port}. */
    public boolean removeRoute(Ipv4Address address, IpPort port) {
        return routes.remove(address.bits(), port);
    }

    public int routeCount() {
        return routes.size();
    }

    /** One IPv4 packet from subscriber {@code from} (readable bytes = the packet); takes ownership. */
    public void fromSubscriber(IpPort from, ByteBuf packet, long nowNanos) {
        VirtualAccess access = from.access();
        IpDropReason bad = Ipv4Packets.check(packet);
        if (bad != null) {
            access.countOtherDrop();
            drop(packet, bad);
            return;
        }
        if (Ipv4Packets.source(packet) != access.peerAddressBits() || access.peerAddressBits() == 0) {
            access.countSpoofDrop();
            drop(packet, IpDropReason.SPOOFED_SOURCE);
            return;
        }
        access.countIn(packet.readableBytes(), nowNanos);
        int destination = Ipv4Packets.destination(packet);
        if (localAddresses.get(destination) != null) {
            local(from, packet);
        } else {
            route(packet, destination);
        }
    }

    /** One IPv4 packet from the uplink, for a subscriber; takes ownership. */
    public void fromUplink(ByteBuf packet) {
        IpDropReason bad = Ipv4Packets.check(packet);
        if (bad != null) {
            drop(packet, bad);
            return;
        }
        IpPort to = routes.get(Ipv4Packets.destination(packet));
        if (to == null) {
            drop(packet, IpDropReason.NO_ROUTE);
        } else {
            forward(packet, to);
        }
    }

    private void local(IpPort from, ByteBuf packet) {
        if (Ipv4Packets.protocol(packet) != Ipv4Packets.PROTO_ICMP) {
            drop(packet, IpDropReason.LOCAL_UNSUPPORTED);
        } else if (!IcmpEcho.toReply(packet)) {
            drop(packet, IpDropReason.BAD_ICMP);
        } else {
            echoReplies++;
            from.access().countOut(packet.readableBytes());
            from.transmitIpv4(packet);
        }
    }

    private void route(ByteBuf packet, int destination) {
        IpPort to = routes.get(destination);
        if (to != null) {
            forward(packet, to);
        } else if (egress.isPresent()) {
            toEgress++;
            egress.get().send(packet);
        } else {
            drop(packet, IpDropReason.NO_ROUTE);
        }
    }

    private void forward(ByteBuf packet, IpPort to) {
        if (Ipv4Packets.ttl(packet) <= 1) {
            drop(packet, IpDropReason.TTL_EXPIRED);
            return;
        }
        if (to.access().state() != VirtualAccessState.UP) {
            drop(packet, IpDropReason.SESSION_DOWN);
            return;
        }
        Ipv4Packets.decrementTtl(packet);
        forwarded++;
        to.access().countOut(packet.readableBytes());
        to.transmitIpv4(packet);
    }

    private void drop(ByteBuf packet, IpDropReason reason) {
        drops[reason.ordinal()]++;
        packet.release();
    }

    public long dropped(IpDropReason reason) {
        return drops[reason.ordinal()];
    }

    /** Packets forwarded subscriber to subscriber (or uplink to subscriber). */
    public long forwarded() {
        return forwarded;
    }

    public long echoReplies() {
        return echoReplies;
    }

    public long sentToEgress() {
        return toEgress;
    }
}
