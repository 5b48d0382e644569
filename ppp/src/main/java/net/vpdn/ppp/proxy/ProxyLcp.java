package net.vpdn.ppp.proxy;

import java.util.Objects;
import net.vpdn.ppp.wire.Octets;

/**
 * The LCP state a LAC hands to the LNS in the proxy LCP AVPs (RFC 2661 §4.4.5, AVPs 26–28):
 * each field is the option part of a Configure-Request, starting at its first option.
 *
 * @param initialReceived the first CONFREQ the LAC received from the client
 * @param lastSent the last CONFREQ the LAC sent to the client
 * @param lastReceived the last CONFREQ the LAC received from the client
 */
public record ProxyLcp(Octets initialReceived, Octets lastSent, Octets lastReceived) {
    public ProxyLcp {
        Objects.requireNonNull(initialReceived, "initialReceived");
        Objects.requireNonNull(lastSent, "lastSent");
        Objects.requireNonNull(lastReceived, "lastReceived");
    }
}
