package net.vpdn.lac.access.pppoe;

import java.util.HexFormat;

/** PPPoE numbers (RFC 2516 §4, §5; RFC 4638; TR-101 / RFC 4679) and MAC address helpers. */
public final class Pppoe {
    public static final int ETHERTYPE_DISCOVERY = 0x8863;
    public static final int ETHERTYPE_SESSION = 0x8864;
    public static final int ETHERTYPE_VLAN = 0x8100;
    public static final int ETH_HEADER = 14;
    public static final int VLAN_TAG = 4;
    public static final int PPPOE_HEADER = 6;
    /** Minimum Ethernet frame without FCS; shorter frames are padded. */
    public static final int ETH_MIN_FRAME = 60;
    /** The largest PPP MRU over PPPoE on a 1500-octet Ethernet MTU (RFC 2516 §7). */
    public static final int MAX_MRU = 1492;

    public static final int CODE_SESSION = 0x00;
    public static final int PADI = 0x09;
    public static final int PADO = 0x07;
    public static final int PADR = 0x19;
    public static final int PADS = 0x65;
    public static final int PADT = 0xA7;

    public static final int TAG_END_OF_LIST = 0x0000;
    public static final int TAG_SERVICE_NAME = 0x0101;
    public static final int TAG_AC_NAME = 0x0102;
    public static final int TAG_HOST_UNIQ = 0x0103;
    public static final int TAG_AC_COOKIE = 0x0104;
    public static final int TAG_VENDOR_SPECIFIC = 0x0105;
    public static final int TAG_RELAY_SESSION_ID = 0x0110;
    public static final int TAG_PPP_MAX_PAYLOAD = 0x0120;
    public static final int TAG_SERVICE_NAME_ERROR = 0x0201;
    public static final int TAG_AC_SYSTEM_ERROR = 0x0202;
    public static final int TAG_GENERIC_ERROR = 0x0203;

    /** The Broadband Forum's (ex DSL Forum's) IANA enterprise number: TR-101 access line tags. */
    public static final int VENDOR_BBF = 3561;
    public static final int SUB_AGENT_CIRCUIT_ID = 0x01;
    public static final int SUB_AGENT_REMOTE_ID = 0x02;

    public static final long BROADCAST = 0xFFFF_FFFF_FFFFL;

    private Pppoe() {
    }

    /** Whether the group bit (the first octet's low bit) is set: multicast or broadcast. */
    public static boolean isGroup(long mac) {
        return (mac & 0x0100_0000_0000L) != 0;
    }

    public static long mac(byte[] six) {
        long m = 0;
        for (int i = 0; i < 6; i++) m = (m << 8) | (six[i] & 0xFF);
        return m;
    }

    public static long mac(String colonHex) {
        return mac(HexFormat.ofDelimiter(":").parseHex(colonHex));
    }

    public static String macString(long mac) {
        StringBuilder b = new StringBuilder(17);
        for (int i = 5; i >= 0; i--) {
            b.append(HexFormat.of().toHexDigits((byte) (mac >>> (8 * i))));
            if (i > 0) b.append(':');
        }
        return b.toString();
    }

    public static String codeName(int code) {
        return switch (code) {
            case PADI -> "PADI";
            case PADO -> "PADO";
            case PADR -> "PADR";
            case PADS -> "PADS";
            case PADT -> "PADT";
            case CODE_SESSION -> "SESSION";
            default -> "0x" + Integer.toHexString(code);
        };
    }
}
