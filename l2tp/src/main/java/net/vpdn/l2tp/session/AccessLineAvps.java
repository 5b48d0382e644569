package net.vpdn.l2tp.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.wire.Bytes;

/**
 * The access line identification AVPs of RFC 5515 §3 for the ICRQ: Agent-Circuit-ID and
 * Agent-Remote-ID. They are vendor AVPs of the Broadband Forum (Vendor ID 3561, attribute types 1
 * and 2, as in the RFC 4679 RADIUS attributes), M bit clear, 1 to 63 octets; the engine's
 * {@code AvpTable} types only IETF (vendor 0) AVPs, so they travel as {@link Avp.Unknown} values,
 * which the codec writes and reads verbatim. tshark decodes them as "Agent-Circuit-Id AVP".
 */
public final class AccessLineAvps {
    public static final int VENDOR_BBF = 3561;
    public static final int AGENT_CIRCUIT_ID = 1;
    public static final int AGENT_REMOTE_ID = 2;
    public static final int MAX_LENGTH = 63;

    private AccessLineAvps() {
    }

    /** The AVPs for a line's identifiers (LAC side, ICRQ); none for empty ones. */
    public static List<Avp> of(String agentCircuitId, String agentRemoteId) {
        List<Avp> out = new ArrayList<>(2);
        add(out, AGENT_CIRCUIT_ID, agentCircuitId);
        add(out, AGENT_REMOTE_ID, agentRemoteId);
        return out;
    }

    private static void add(List<Avp> out, int type, String value) {
        if (value.isEmpty()) return;
        byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
        if (v.length > MAX_LENGTH) v = java.util.Arrays.copyOf(v, MAX_LENGTH);
        out.add(new Avp.Unknown(VENDOR_BBF, type, false, Bytes.of(v)));
    }

    /** LNS side: Agent-Circuit-ID of an ICRQ, if present. */
    public static Optional<String> agentCircuitId(CallParams icrq) {
        return find(icrq, AGENT_CIRCUIT_ID);
    }

    /** LNS side: Agent-Remote-ID of an ICRQ, if present. */
    public static Optional<String> agentRemoteId(CallParams icrq) {
        return find(icrq, AGENT_REMOTE_ID);
    }

    private static Optional<String> find(CallParams params, int type) {
        return params.avps().stream()
                .filter(a -> a instanceof Avp.Unknown u && u.vendorId() == VENDOR_BBF && u.attributeType() == type)
                .map(a -> new String(((Avp.Unknown) a).value().toArray(), StandardCharsets.ISO_8859_1))
                .findFirst();
    }
}
