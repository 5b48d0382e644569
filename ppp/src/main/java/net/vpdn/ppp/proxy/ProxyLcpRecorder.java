package net.vpdn.ppp.proxy;

import java.util.Optional;
import net.vpdn.ppp.wire.CpCode;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.Octets;

/**
 * LAC side: watches the LCP Configure-Requests exchanged with the client so that the proxy LCP
 * AVPs can be filled when the call is handed to the LNS (RFC 2661 §4.4.5).
 */
public final class ProxyLcpRecorder {
    private Octets initialReceived;
    private Octets lastReceived;
    private Octets lastSent;

    /** An LCP packet received from the client. */
    public void received(CpPacket lcp) {
        if (lcp.is(CpCode.CONFIGURE_REQUEST)) {
            if (initialReceived == null) {
                initialReceived = lcp.data();
            }
            lastReceived = lcp.data();
        }
    }

    /** An LCP packet sent to the client. */
    public void sent(CpPacket lcp) {
        if (lcp.is(CpCode.CONFIGURE_REQUEST)) {
            lastSent = lcp.data();
        }
    }

    /** The three AVP values, once a request went each way. */
    public Optional<ProxyLcp> export() {
        if (initialReceived == null || lastSent == null) {
            return Optional.empty();
        }
        return Optional.of(new ProxyLcp(initialReceived, lastSent, lastReceived));
    }
}
