package net.vpdn.lac.tunnel;

import java.time.Duration;
import java.util.Objects;
import net.vpdn.l2tp.tunnel.TunnelParams;

/**
 * How the LAC opens and keeps tunnels.
 *
 * @param connectTimeout how long a new tunnel may take to be established before its LNS counts as
 *                       failed and the next one is tried (the engine's own retransmission gives up
 *                       later, RFC 2661 §5.8; this bounds a subscriber's wait)
 * @param holdDown       how long a failed LNS is skipped before it is tried again
 * @param idleTimeout    how long a tunnel with no calls is kept before StopCCN; zero keeps it
 * @param template       everything else about our side of a tunnel; the host name and secret come
 *                       from the tunnel set
 */
public record TunnelPoolConfig(Duration connectTimeout, Duration holdDown, Duration idleTimeout, TunnelParams template) {
    public TunnelPoolConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(holdDown, "holdDown");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(template, "template");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
        if (holdDown.isNegative() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("holdDown and idleTimeout must not be negative");
        }
    }

    /** 10 s to connect, 60 s hold-down, tunnels kept 30 s when idle. */
    public static TunnelPoolConfig defaults(String hostName) {
        return new TunnelPoolConfig(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(30),
                TunnelParams.defaults(hostName));
    }
}
