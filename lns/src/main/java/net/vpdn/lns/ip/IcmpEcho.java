package net.vpdn.lns.ip;

import io.netty.buffer.ByteBuf;

/** Turns an ICMP Echo Request to one of our addresses into the Echo Reply, in place (RFC 792). */
final class IcmpEcho {
    static final int ECHO_REPLY = 0;
    static final int ECHO_REQUEST = 8;
    static final int REPLY_TTL = 64;
    private static final int ICMP_HEADER = 8;

    private IcmpEcho() {
    }

    /**
     * Rewrites a checked IPv4 packet holding an Echo Request into the reply: addresses swapped,
     * fresh TTL, type 0 and both checksums recomputed. Returns false (packet untouched) when it is
     * not a well-formed, unfragmented Echo Request.
     */
    static boolean toReply(ByteBuf ip) {
        int at = ip.readerIndex();
        int header = Ipv4Packets.headerLength(ip);
        int icmpLength = ip.readableBytes() - header;
        if (Ipv4Packets.protocol(ip) != Ipv4Packets.PROTO_ICMP || Ipv4Packets.isFragment(ip) || icmpLength < ICMP_HEADER) {
            return false;
        }
        int icmp = at + header;
        if (ip.getUnsignedByte(icmp) != ECHO_REQUEST || ip.getUnsignedByte(icmp + 1) != 0
                || Ipv4Packets.checksum(ip, icmp, icmpLength) != 0) {
            return false;
        }
        int source = Ipv4Packets.source(ip);
        ip.setInt(at + Ipv4Packets.OFF_SOURCE, Ipv4Packets.destination(ip));
        ip.setInt(at + Ipv4Packets.OFF_DESTINATION, source);
        ip.setByte(at + Ipv4Packets.OFF_TTL, REPLY_TTL);
        Ipv4Packets.fillHeaderChecksum(ip);
        ip.setByte(icmp, ECHO_REPLY);
        ip.setShort(icmp + 2, 0);
        ip.setShort(icmp + 2, Ipv4Packets.checksum(ip, icmp, icmpLength));
        return true;
    }
}
