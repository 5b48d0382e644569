package net.vpdn.lac.call;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * One call as the admin API shows it.
 *
 * @param lineId          the access line
 * @param user            the PPP user name, empty before authentication
 * @param callingNumber   the line's Calling Number
 * @param calledNumber    the line's Called Number (DNIS)
 * @param state           where the call stands
 * @param group           the vpdn-group (or RADIUS tunnel assignment) carrying it, empty before selection
 * @param tunnelId        our tunnel id, 0 before a tunnel
 * @param sessionId       our session id, 0 before ICRQ
 * @param peerSessionId   the LNS's session id, 0 before ICRP
 * @param lns             the LNS's address, once a tunnel is chosen
 */
public record CallView(String lineId, String user, String callingNumber, String calledNumber, CallState state,
                       String group, int tunnelId, int sessionId, int peerSessionId, Optional<InetSocketAddress> lns) {
}
