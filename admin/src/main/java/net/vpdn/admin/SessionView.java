package net.vpdn.admin;

import java.util.Objects;

/**
 * One L2TP session (one PPP call inside a tunnel, RFC 2661 §1.2) as the admin API shows it.
 * Serialised to JSON with these component names, in this order; {@code admin/README.md} documents each.
 *
 * @param localId        our Assigned Session ID, 1..65535 (RFC 2661 §4.4.4)
 * @param remoteId       the peer's Assigned Session ID, 0 while not yet known
 * @param tunnelLocalId  our id of the tunnel that carries the session
 * @param tunnelRemoteId the peer's id of that tunnel
 * @param state          the engine's session state, lower case with dashes (for example {@code established})
 * @param user           the PPP user name (authenticated or proxied), null before authentication
 * @param interfaceName  on the LNS the virtual-access interface ({@code Virtual-Access3}); on the LAC the access line
 *                       the call came in on (for example {@code eth1.100:0011.2233.4455}); null when none yet
 * @param address        the IPv4 address IPCP assigned to the peer, null when none yet
 * @param calling        Calling Number AVP (RFC 2661 §4.4.5): the subscriber's number or line id; null when absent
 * @param called         Called Number AVP (RFC 2661 §4.4.5); null when absent
 * @param uptimeSeconds  seconds since the session was created
 * @param packetsIn      PPP packets received from the subscriber side
 * @param packetsOut     PPP packets sent towards the subscriber side
 * @param octetsIn       octets of those received packets
 * @param octetsOut      octets of those sent packets
 */
public record SessionView(
        int localId,
        int remoteId,
        int tunnelLocalId,
        int tunnelRemoteId,
        String state,
        String user,
        String interfaceName,
        String address,
        String calling,
        String called,
        long uptimeSeconds,
        long packetsIn,
        long packetsOut,
        long octetsIn,
        long octetsOut) {

    /** Checks what the tables and the JSON rely on. */
    public SessionView {
        Objects.requireNonNull(state, "state");
        if (uptimeSeconds < 0 || packetsIn < 0 || packetsOut < 0 || octetsIn < 0 || octetsOut < 0) {
            throw new IllegalArgumentException("uptime and counters must not be negative");
        }
    }
}
