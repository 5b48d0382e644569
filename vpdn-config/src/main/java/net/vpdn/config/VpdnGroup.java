package net.vpdn.config;

import java.util.List;
import java.util.Optional;

/**
 * A VPDN group (Cisco {@code vpdn-group NAME}): either a LAC's {@code request-dialin} rule that decides which
 * users are tunnelled where, or an LNS's {@code accept-dialin} rule that decides which LACs may open tunnels
 * and how their sessions are terminated.
 */
public sealed interface VpdnGroup {
    /** Unique group name. */
    String name();

    /** Tunnel secret shared with the peer (Cisco {@code l2tp tunnel password}); empty if none. */
    Optional<Secret> tunnelSecret();

    /** Whether tunnels of this group use the Challenge/Response exchange of RFC 2661 §5.1.1. */
    boolean tunnelAuthentication();

    /** Host Name AVP sent to the peer (Cisco {@code local name}); the global hostname unless set. */
    String localName();

    /** Most sessions this group carries at once; 0 = no limit (Cisco {@code session-limit}). */
    int sessionLimit();

    /**
     * LAC side: users whose domain or called number (DNIS) matches are tunnelled to one of {@code initiateTo}.
     *
     * @param domains    realms after the {@code @} of the user name, lower case
     * @param dnis       called numbers, digits only
     * @param initiateTo candidate LNSs, never empty
     */
    record RequestDialin(
            String name,
            List<String> domains,
            List<String> dnis,
            List<InitiateTo> initiateTo,
            Optional<Secret> tunnelSecret,
            boolean tunnelAuthentication,
            String localName,
            int sessionLimit) implements VpdnGroup {
        /** Copies the lists. */
        public RequestDialin {
            domains = List.copyOf(domains);
            dnis = List.copyOf(dnis);
            initiateTo = List.copyOf(initiateTo);
        }
    }

    /**
     * LNS side: tunnels from the LACs named in {@code terminateFrom} are accepted and their sessions are
     * cloned from {@code virtualTemplate}.
     *
     * @param virtualTemplate  name of a {@link VirtualTemplate}
     * @param terminateFrom    LAC host names (their Host Name AVP); empty = any LAC
     * @param lcpRenegotiation what to do with the LCP state the LAC proxies
     * @param tunnelLimit      most tunnels of this group at once; 0 = no limit
     * @param userSessionLimit most sessions of one user in this group at once, unless AAA gives the user
     *                         its own limit (RADIUS Port-Limit, local user {@code session-limit}); 0 = no limit
     */
    record AcceptDialin(
            String name,
            String virtualTemplate,
            List<String> terminateFrom,
            Optional<Secret> tunnelSecret,
            boolean tunnelAuthentication,
            String localName,
            LcpRenegotiation lcpRenegotiation,
            int sessionLimit,
            int tunnelLimit,
            int userSessionLimit) implements VpdnGroup {
        /** Copies the list. */
        public AcceptDialin {
            terminateFrom = List.copyOf(terminateFrom);
        }
    }
}
