package net.vpdn.lac.access.pppoe;

/**
 * The headers of one received frame, filled in place by {@link PppoeDecoder#header} so the session
 * stage parses without allocating: Ethernet addresses (48-bit values in a {@code long}), the 802.1Q
 * VLAN id if tagged, the EtherType, the PPPoE CODE and SESSION_ID, and where the PPPoE payload lies.
 */
public final class FrameHeader {
    /** No 802.1Q tag. */
    public static final int UNTAGGED = -1;

    public long destination;
    public long source;
    public int vlan = UNTAGGED;
    public int etherType;
    public int code;
    public int sessionId;
    /** Offset of the payload (tags, or the PPP protocol field) from the frame's first octet. */
    public int payloadOffset;
    public int payloadLength;

    public boolean isDiscovery() {
        return etherType == Pppoe.ETHERTYPE_DISCOVERY;
    }

    /** Session demultiplexing key: the peer's MAC and the SESSION_ID in one value (RFC 2516 §4). */
    public static long sessionKey(long mac, int sessionId) {
        return (mac << 16) | (sessionId & 0xFFFF);
    }

    @Override
    public String toString() {
        return "FrameHeader[" + Pppoe.macString(source) + " -> " + Pppoe.macString(destination) + " vlan=" + vlan
                + " type=0x" + Integer.toHexString(etherType) + " code=0x" + Integer.toHexString(code)
                + " sid=" + sessionId + " len=" + payloadLength + "]";
    }
}
