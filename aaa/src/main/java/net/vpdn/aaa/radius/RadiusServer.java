package net.vpdn.aaa.radius;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import net.vpdn.ppp.auth.Secret;

/**
 * One RADIUS server: its authentication and accounting addresses, our shared secret with it and,
 * optionally, its own timers (else the client's {@link RadiusSettings} apply).
 */
public record RadiusServer(String name, InetSocketAddress authAddress, InetSocketAddress acctAddress, Secret secret,
                           Optional<Timing> timing) {
    /**
     * This server's timers.
     *
     * @param timeout        wait for a reply before retransmitting
     * @param triesPerServer transmissions (1 = no retransmission) before failing over to the next server
     * @param deadTime       skipped for this long after it did not answer
     */
    public record Timing(Duration timeout, int triesPerServer, Duration deadTime) {
        public Timing {
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(deadTime, "deadTime");
            if (!timeout.isPositive() || triesPerServer < 1 || deadTime.isNegative()) {
                throw new IllegalArgumentException("timeout > 0, triesPerServer >= 1, deadTime >= 0");
            }
        }
    }

    public RadiusServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authAddress, "authAddress");
        Objects.requireNonNull(acctAddress, "acctAddress");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(timing, "timing");
    }

    /** A server that uses the client's timers. */
    public RadiusServer(String name, InetSocketAddress authAddress, InetSocketAddress acctAddress, Secret secret) {
        this(name, authAddress, acctAddress, secret, Optional.empty());
    }

    @Override
    public String toString() {
        return "RadiusServer[" + name + ", auth=" + authAddress + ", acct=" + acctAddress + ", secret=redacted]";
    }
}
