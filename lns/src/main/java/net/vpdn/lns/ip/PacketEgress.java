package net.vpdn.lns.ip;

import io.netty.buffer.ByteBuf;

/**
 * Where packets for destinations outside this LNS go: a TUN uplink to the host network (a later
 * issue). Called on the event loop; must not block (queue and drop when full).
 */
@FunctionalInterface
public interface PacketEgress {

    /** One IPv4 packet; takes ownership of {@code packet}. */
    void send(ByteBuf packet);
}
