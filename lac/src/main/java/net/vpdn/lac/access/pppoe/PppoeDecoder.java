package net.vpdn.lac.access.pppoe;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * The total PPPoE decoder (RFC 2516 §4): Ethernet II with at most one 802.1Q tag, then the PPPoE
 * header, then for discovery frames the tags. It reads with absolute indices from the buffer's
 * reader index and never moves it; nothing it reads can make it throw, it names a {@link PppoeDrop}.
 * Frames may carry Ethernet padding after the PPPoE payload: LENGTH, not the frame, bounds it.
 */
public final class PppoeDecoder {
    /** A PADI/PADR carries a handful of tags; more than this is not a client. */
    public static final int MAX_TAGS = 64;

    private PppoeDecoder() {
    }

    /**
     * Parses the headers into {@code h}. Returns null when the frame is PPPoE for {@code expectedVlan}
     * ({@link FrameHeader#UNTAGGED} for none) with a sane header, else why it is dropped. Allocation-free.
     */
    public static PppoeDrop header(ByteBuf f, int expectedVlan, FrameHeader h) {
        int start = f.readerIndex();
        int len = f.readableBytes();
        if (len < Pppoe.ETH_HEADER + Pppoe.PPPOE_HEADER) return PppoeDrop.TRUNCATED_HEADER;
        h.destination = mac(f, start);
        h.source = mac(f, start + 6);
        int at = start + 12;
        int type = f.getUnsignedShort(at);
        h.vlan = FrameHeader.UNTAGGED;
        if (type == Pppoe.ETHERTYPE_VLAN) {
            if (len < Pppoe.ETH_HEADER + Pppoe.VLAN_TAG + Pppoe.PPPOE_HEADER) return PppoeDrop.TRUNCATED_HEADER;
            h.vlan = f.getUnsignedShort(at + 2) & 0x0FFF;
            at += Pppoe.VLAN_TAG;
            type = f.getUnsignedShort(at);
        }
        h.etherType = type;
        if (type != Pppoe.ETHERTYPE_DISCOVERY && type != Pppoe.ETHERTYPE_SESSION) return PppoeDrop.NOT_PPPOE;
        if (h.vlan != expectedVlan) return PppoeDrop.WRONG_VLAN;
        if (Pppoe.isGroup(h.source)) return PppoeDrop.BAD_SOURCE;
        at += 2;
        if (f.getUnsignedByte(at) != 0x11) return PppoeDrop.BAD_VERSION;
        h.code = f.getUnsignedByte(at + 1);
        h.sessionId = f.getUnsignedShort(at + 2);
        h.payloadLength = f.getUnsignedShort(at + 4);
        h.payloadOffset = at + Pppoe.PPPOE_HEADER - start;
        if (h.payloadOffset + h.payloadLength > len) return PppoeDrop.BAD_LENGTH;
        if (type == Pppoe.ETHERTYPE_SESSION) {
            if (h.code != Pppoe.CODE_SESSION) return PppoeDrop.BAD_SESSION_FIELD;
            if (h.sessionId == 0 || h.sessionId == 0xFFFF) return PppoeDrop.BAD_SESSION_FIELD;
        }
        return null;
    }

    /** The tags of a discovery frame whose header {@link #header} accepted into {@code h}. */
    public static DiscoveryDecode discovery(ByteBuf f, FrameHeader h) {
        int at = f.readerIndex() + h.payloadOffset;
        int end = at + h.payloadLength;
        List<Tag> tags = new ArrayList<>(6);
        while (at < end) {
            if (end - at < 4) return new DiscoveryDecode.Malformed(PppoeDrop.MALFORMED_TAG, "tag header cut at the end of the payload");
            int type = f.getUnsignedShort(at);
            int length = f.getUnsignedShort(at + 2);
            if (type == Pppoe.TAG_END_OF_LIST) break;
            if (at + 4 + length > end) {
                return new DiscoveryDecode.Malformed(PppoeDrop.MALFORMED_TAG,
                        "tag 0x" + Integer.toHexString(type) + " of " + length + " octets runs past the payload");
            }
            if (tags.size() == MAX_TAGS) return new DiscoveryDecode.Malformed(PppoeDrop.MALFORMED_TAG, "more than " + MAX_TAGS + " tags");
            byte[] value = new byte[length];
            f.getBytes(at + 4, value);
            tags.add(new Tag(type, value));
            at += 4 + length;
        }
        return new DiscoveryDecode.Decoded(new DiscoveryPacket(h.destination, h.source, h.vlan, h.code, h.sessionId, tags));
    }

    private static long mac(ByteBuf f, int at) {
        return ((long) f.getUnsignedShort(at) << 32) | f.getUnsignedInt(at + 2);
    }
}
