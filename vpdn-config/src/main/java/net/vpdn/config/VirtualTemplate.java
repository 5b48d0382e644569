package net.vpdn.config;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;

/**
 * How an LNS clones the PPP interface of each session (Cisco {@code interface Virtual-Template N}).
 *
 * @param name              template name referenced by {@code accept-dialin.virtual-template}
 * @param localAddress      our IPCP address (Cisco {@code ip unnumbered} / {@code ip address})
 * @param peerPool          name of the {@link IpPool} peers get addresses from
 *                          (Cisco {@code peer default ip address pool})
 * @param authProtocols     offered in this order (Cisco {@code ppp authentication chap pap})
 * @param mruBytes          our LCP Maximum-Receive-Unit, RFC 1661 §6.1
 * @param keepaliveInterval LCP Echo-Request interval, zero = off (Cisco {@code keepalive})
 * @param keepaliveRetries  unanswered echoes before the session is dropped
 * @param dnsServers        primary and secondary DNS offered in IPCP, RFC 1877 (0 to 2 entries)
 * @param idleTimeout       drop a session without traffic for this long, zero = never
 *                          (Cisco {@code ppp timeout idle})
 * @param sessionTimeout    drop every session after this long, zero = never (Cisco {@code ppp timeout absolute})
 */
public record VirtualTemplate(
        String name,
        Inet4Address localAddress,
        String peerPool,
        List<AuthProtocol> authProtocols,
        int mruBytes,
        Duration keepaliveInterval,
        int keepaliveRetries,
        List<Inet4Address> dnsServers,
        Duration idleTimeout,
        Duration sessionTimeout) {
    /** Copies the lists. */
    public VirtualTemplate {
        authProtocols = List.copyOf(authProtocols);
        dnsServers = List.copyOf(dnsServers);
    }
}
