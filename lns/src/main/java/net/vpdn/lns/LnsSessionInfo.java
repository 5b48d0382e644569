package net.vpdn.lns;

import java.util.Objects;
import net.vpdn.ppp.ipcp.Ipv4Address;

/**
 * A session as accounting sees it.
 *
 * @param interfaceName Virtual-AccessN (a unique Acct-Session-Id can be built from it and the start time)
 * @param user the authenticated user name (empty text when the template does not authenticate)
 * @param peerAddress the peer's address (Framed-IP-Address)
 * @param call the L2TP call
 * @param startedNanos the loop's monotonic time at start
 */
public record LnsSessionInfo(String interfaceName, String user, Ipv4Address peerAddress, LnsCallInfo call,
                             long startedNanos) {
    public LnsSessionInfo {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(peerAddress, "peerAddress");
        Objects.requireNonNull(call, "call");
    }
}
