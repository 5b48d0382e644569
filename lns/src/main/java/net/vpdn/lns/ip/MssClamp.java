package net.vpdn.lns.ip;

import io.netty.buffer.ByteBuf;

/**
 * TCP MSS clamping: a SYN whose MSS option (RFC 9293 §3.7.1) asks for more than the path carries is
 * rewritten in place, with the TCP checksum adjusted incrementally (RFC 1624). Subscribers behind PPPoE
 * and an L2TP tunnel have less than 1500 octets of MTU; hosts behind the uplink would otherwise send
 * them segments that do not fit. Total: anything that is not a well-formed unfragmented TCP SYN with an
 * MSS option is left alone.
 */
public final class MssClamp {
    private static final int PROTO_TCP = 6;
    private static final int TCP_MIN = 20;
    private static final int FLAG_SYN = 0x02;
    private static final int OPT_END = 0;
    private static final int OPT_NOP = 1;
    private static final int OPT_MSS = 2;

    private MssClamp() {
    }

    /** Clamps the MSS of a TCP SYN in {@code ip} (an IPv4 packet that passed the IP check) to {@code maxMss}; true if rewritten. */
    public static boolean clamp(ByteBuf ip, int maxMss) {
        int base = ip.readerIndex();
        int len = ip.readableBytes();
        if (Ipv4Packets.protocol(ip) != PROTO_TCP || Ipv4Packets.isFragment(ip)) return false;
        int tcp = base + Ipv4Packets.headerLength(ip);
        if (tcp + TCP_MIN > base + len) return false;
        if ((ip.getUnsignedByte(tcp + 13) & FLAG_SYN) == 0) return false;
        int dataOffset = (ip.getUnsignedByte(tcp + 12) >>> 4) * 4;
        if (dataOffset < TCP_MIN || tcp + dataOffset > base + len) return false;
        int at = tcp + TCP_MIN;
        int end = tcp + dataOffset;
        while (at < end) {
            int kind = ip.getUnsignedByte(at);
            if (kind == OPT_END) return false;
            if (kind == OPT_NOP) {
                at++;
                continue;
            }
            if (at + 1 >= end) return false;
            int optLen = ip.getUnsignedByte(at + 1);
            if (optLen < 2 || at + optLen > end) return false;
            if (kind == OPT_MSS && optLen == 4) return rewrite(ip, tcp, at + 2, maxMss);
            at += optLen;
        }
        return false;
    }

    private static boolean rewrite(ByteBuf ip, int tcp, int field, int maxMss) {
        int old = ip.getUnsignedShort(field);
        if (old <= maxMss) return false;
        ip.setShort(field, maxMss);
        // RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m')
        int sum = (~ip.getUnsignedShort(tcp + 16) & 0xFFFF) + (~old & 0xFFFF) + maxMss;
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        ip.setShort(tcp + 16, ~sum & 0xFFFF);
        return true;
    }
}
