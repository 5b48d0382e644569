package net.vpdn.lac.access.pppoe;

import io.netty.buffer.ByteBuf;

/** Writes PPPoE frames (RFC 2516 §4): discovery packets whole, session frames' headers in place. */
public final class PppoeEncoder {
    private PppoeEncoder() {
    }

    /** The whole Ethernet frame of a discovery packet, padded to the Ethernet minimum. */
    public static byte[] discovery(DiscoveryPacket p) {
        int payload = 0;
        for (Tag t : p.tags()) payload += 4 + t.length();
        if (payload > 0xFFFF) throw new IllegalArgumentException("tags of " + payload + " octets");
        int head = Pppoe.ETH_HEADER + (p.vlan() >= 0 ? Pppoe.VLAN_TAG : 0) + Pppoe.PPPOE_HEADER;
        byte[] out = new byte[Math.max(Pppoe.ETH_MIN_FRAME, head + payload)];
        int at = ethernet(out, p.destination(), p.source(), p.vlan(), Pppoe.ETHERTYPE_DISCOVERY);
        at = pppoe(out, at, p.code(), p.sessionId(), payload);
        for (Tag t : p.tags()) {
            putShort(out, at, t.type());
            putShort(out, at + 2, t.length());
            System.arraycopy(t.value(), 0, out, at + 4, t.length());
            at += 4 + t.length();
        }
        return out;
    }

    /** Header length of a session frame: Ethernet, the VLAN tag if any, PPPoE. */
    public static int sessionHeaderLength(int vlan) {
        return Pppoe.ETH_HEADER + (vlan >= 0 ? Pppoe.VLAN_TAG : 0) + Pppoe.PPPOE_HEADER;
    }

    /**
     * Writes a session frame's headers at {@code out}'s writer index and advances it; the
     * {@code pppLength} octets of PPP (protocol field on, no FF 03) must follow.
     */
    public static void sessionHeader(ByteBuf out, long dst, long src, int vlan, int sessionId, int pppLength) {
        out.writeShort((int) (dst >>> 32)).writeInt((int) dst);
        out.writeShort((int) (src >>> 32)).writeInt((int) src);
        if (vlan >= 0) out.writeShort(Pppoe.ETHERTYPE_VLAN).writeShort(vlan & 0x0FFF);
        out.writeShort(Pppoe.ETHERTYPE_SESSION);
        out.writeByte(0x11).writeByte(Pppoe.CODE_SESSION).writeShort(sessionId).writeShort(pppLength);
    }

    private static int ethernet(byte[] out, long dst, long src, int vlan, int etherType) {
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) (dst >>> (40 - 8 * i));
            out[6 + i] = (byte) (src >>> (40 - 8 * i));
        }
        int at = 12;
        if (vlan >= 0) {
            putShort(out, at, Pppoe.ETHERTYPE_VLAN);
            putShort(out, at + 2, vlan & 0x0FFF);
            at += 4;
        }
        putShort(out, at, etherType);
        return at + 2;
    }

    private static int pppoe(byte[] out, int at, int code, int sessionId, int length) {
        out[at] = 0x11;
        out[at + 1] = (byte) code;
        putShort(out, at + 2, sessionId);
        putShort(out, at + 4, length);
        return at + Pppoe.PPPOE_HEADER;
    }

    private static void putShort(byte[] out, int at, int v) {
        out[at] = (byte) (v >>> 8);
        out[at + 1] = (byte) v;
    }
}
