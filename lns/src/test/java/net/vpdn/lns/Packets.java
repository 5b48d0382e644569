package net.vpdn.lns;

import io.netty.buffer.Unpooled;
import net.vpdn.lns.ip.Ipv4Packets;
import net.vpdn.ppp.ipcp.Ipv4Address;

/** Builds IPv4/ICMP test packets with valid checksums (RFC 791, RFC 792). */
final class Packets {
    private Packets() {
    }

    /** An ICMP Echo Request from {@code src} to {@code dst} with {@code payload} octets of data. */
    static byte[] echoRequest(Ipv4Address src, Ipv4Address dst, int id, int payload) {
        return icmp(src, dst, 8, id, payload, 64);
    }

    static byte[] icmp(Ipv4Address src, Ipv4Address dst, int type, int id, int payload, int ttl) {
        int total = 20 + 8 + payload;
        byte[] p = new byte[total];
        p[0] = 0x45;
        p[2] = (byte) (total >>> 8);
        p[3] = (byte) total;
        p[4] = (byte) (id >>> 8);
        p[5] = (byte) id;
        p[8] = (byte) ttl;
        p[9] = 1;
        putInt(p, 12, src.bits());
        putInt(p, 16, dst.bits());
        p[20] = (byte) type;
        p[24] = (byte) (id >>> 8);
        p[25] = (byte) id;
        for (int i = 0; i < payload; i++) {
            p[28 + i] = (byte) i;
        }
        int icmpSum = Ipv4Packets.checksum(Unpooled.wrappedBuffer(p), 20, total - 20);
        p[22] = (byte) (icmpSum >>> 8);
        p[23] = (byte) icmpSum;
        int ipSum = Ipv4Packets.checksum(Unpooled.wrappedBuffer(p), 0, 20);
        p[10] = (byte) (ipSum >>> 8);
        p[11] = (byte) ipSum;
        return p;
    }

    static void putInt(byte[] p, int at, int v) {
        p[at] = (byte) (v >>> 24);
        p[at + 1] = (byte) (v >>> 16);
        p[at + 2] = (byte) (v >>> 8);
        p[at + 3] = (byte) v;
    }

    static int getInt(byte[] p, int at) {
        return ((p[at] & 0xFF) << 24) | ((p[at + 1] & 0xFF) << 16) | ((p[at + 2] & 0xFF) << 8) | (p[at + 3] & 0xFF);
    }
}
