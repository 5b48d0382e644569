package net.vpdn.lac.access.pppoe;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The access line identifiers a DSLAM or OLT acting as PPPoE intermediate agent puts in the
 * discovery packets (TR-101 §3.9.3, RFC 4679 §3.3): a Vendor-Specific tag with the Broadband Forum
 * enterprise number 3561 and sub-options 1 (Agent-Circuit-Id) and 2 (Agent-Remote-Id). Empty
 * strings mean absent. Values are kept octet for octet (ISO-8859-1), at most 63 octets each.
 */
public record LineIds(String agentCircuitId, String agentRemoteId) {
    public static final LineIds NONE = new LineIds("", "");
    /** RFC 4679 §3.3.1/§3.3.2 and RFC 5515: at most 63 octets. */
    public static final int MAX_LENGTH = 63;

    public LineIds {
        if (agentCircuitId.length() > MAX_LENGTH || agentRemoteId.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("access line identifiers are at most 63 octets");
        }
    }

    public boolean isEmpty() {
        return agentCircuitId.isEmpty() && agentRemoteId.isEmpty();
    }

    /**
     * Reads a Vendor-Specific tag's value (4-octet vendor id, then sub-options of type, length,
     * value). Empty when the vendor is not 3561 or the sub-options do not fit; overlong ids are cut
     * to 63 octets rather than refusing the subscriber.
     */
    public static Optional<LineIds> fromVendorTag(byte[] v) {
        if (v.length < 4) return Optional.empty();
        int vendor = ((v[0] & 0xFF) << 24) | ((v[1] & 0xFF) << 16) | ((v[2] & 0xFF) << 8) | (v[3] & 0xFF);
        if (vendor != Pppoe.VENDOR_BBF) return Optional.empty();
        String circuit = "";
        String remote = "";
        int at = 4;
        while (at + 2 <= v.length) {
            int type = v[at] & 0xFF;
            int len = v[at + 1] & 0xFF;
            if (at + 2 + len > v.length) return Optional.empty();
            String value = new String(v, at + 2, Math.min(len, MAX_LENGTH), StandardCharsets.ISO_8859_1);
            if (type == Pppoe.SUB_AGENT_CIRCUIT_ID) circuit = value;
            if (type == Pppoe.SUB_AGENT_REMOTE_ID) remote = value;
            at += 2 + len;
        }
        return at == v.length ? Optional.of(new LineIds(circuit, remote)) : Optional.empty();
    }

    /** The Vendor-Specific tag value a relay would insert for these ids (tests, and relays). */
    public byte[] toVendorTag() {
        byte[] c = agentCircuitId.getBytes(StandardCharsets.ISO_8859_1);
        byte[] r = agentRemoteId.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[4 + (c.length > 0 ? 2 + c.length : 0) + (r.length > 0 ? 2 + r.length : 0)];
        out[2] = (byte) (Pppoe.VENDOR_BBF >>> 8);
        out[3] = (byte) Pppoe.VENDOR_BBF;
        int at = 4;
        at = sub(out, at, Pppoe.SUB_AGENT_CIRCUIT_ID, c);
        sub(out, at, Pppoe.SUB_AGENT_REMOTE_ID, r);
        return out;
    }

    private static int sub(byte[] out, int at, int type, byte[] value) {
        if (value.length == 0) return at;
        out[at] = (byte) type;
        out[at + 1] = (byte) value.length;
        System.arraycopy(value, 0, out, at + 2, value.length);
        return at + 2 + value.length;
    }
}
