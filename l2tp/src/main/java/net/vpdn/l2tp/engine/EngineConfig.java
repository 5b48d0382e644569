package net.vpdn.l2tp.engine;

import java.util.Set;
import net.vpdn.l2tp.avp.AvpType;
import net.vpdn.l2tp.transport.TransportConfig;
import net.vpdn.l2tp.tunnel.TunnelParams;

/**
 * Engine-wide settings.
 *
 * @param transport          reliable delivery settings for every tunnel (windows, retransmission)
 * @param responderParams    what we say and require in tunnels peers open (the secret comes from the acceptor)
 * @param maxPendingTunnels  tunnels opened by peers that may be not yet established at once: the bound that
 *                           keeps an SCCRQ flood from exhausting memory
 * @param hiddenAvps         AVP types we hide (RFC 2661 §4.3) when the tunnel has a secret
 * @param sendTieBreaker     whether our SCCRQs carry a Tie Breaker (RFC 2661 §4.4.3), so that two endpoints
 *                           opening tunnels to each other at once end up with one
 */
public record EngineConfig(TransportConfig transport, TunnelParams responderParams, int maxPendingTunnels,
                           Set<AvpType> hiddenAvps, boolean sendTieBreaker) {

    /** Without Tie Breaker. */
    public EngineConfig(TransportConfig transport, TunnelParams responderParams, int maxPendingTunnels,
                        Set<AvpType> hiddenAvps) {
        this(transport, responderParams, maxPendingTunnels, hiddenAvps, false);
    }

    public EngineConfig {
        if (maxPendingTunnels < 1) throw new IllegalArgumentException("maxPendingTunnels must be >= 1");
        hiddenAvps = Set.copyOf(hiddenAvps);
    }

    /** Defaults for an endpoint called {@code hostName}. */
    public static EngineConfig defaults(String hostName) {
        return new EngineConfig(TransportConfig.DEFAULT, TunnelParams.defaults(hostName), 1024, Set.of(), false);
    }
}
