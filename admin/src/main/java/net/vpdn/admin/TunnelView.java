package net.vpdn.admin;

import java.util.Objects;

/**
 * One L2TP control connection as the admin API shows it (RFC 2661 §1.2: a tunnel between a LAC and an LNS).
 * Serialised to JSON with these component names, in this order; {@code admin/README.md} documents each.
 *
 * @param localId       our Assigned Tunnel ID, 1..65535 (RFC 2661 §4.4.3)
 * @param remoteId      the peer's Assigned Tunnel ID, 0 while not yet known
 * @param localAddress  the address of our end of the tunnel, as text
 * @param localPort     our UDP port
 * @param peerAddress   the peer's address, as text
 * @param peerPort      the peer's UDP port
 * @param peerHostName  the peer's Host Name AVP (RFC 2661 §4.4.3), null while not yet known
 * @param state         the engine's tunnel state, lower case with dashes (for example {@code established})
 * @param sessions      how many sessions the tunnel carries now
 * @param uptimeSeconds seconds since the tunnel was created
 * @param groupName     the VPDN group (or L2TP class) the tunnel was set up from, null when none
 */
public record TunnelView(
        int localId,
        int remoteId,
        String localAddress,
        int localPort,
        String peerAddress,
        int peerPort,
        String peerHostName,
        String state,
        int sessions,
        long uptimeSeconds,
        String groupName) {

    /** Checks what the tables and the JSON rely on. */
    public TunnelView {
        Objects.requireNonNull(peerAddress, "peerAddress");
        Objects.requireNonNull(state, "state");
        if (sessions < 0 || uptimeSeconds < 0) {
            throw new IllegalArgumentException("sessions and uptimeSeconds must not be negative");
        }
    }
}
