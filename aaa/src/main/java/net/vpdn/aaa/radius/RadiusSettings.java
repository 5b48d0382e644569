package net.vpdn.aaa.radius;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * RADIUS client settings; the composition root maps configuration onto this.
 *
 * @param servers              servers in preference order (failover goes down the list)
 * @param timeout              wait for a reply before retransmitting
 * @param triesPerServer       transmissions to one server (1 = no retransmission) before failing over
 * @param deadTime             a server that did not answer is skipped for this long
 * @param sourceSockets        UDP source sockets; each gives 256 identifiers per server
 * @param maxWaiting           requests that may wait for a free identifier; more are refused
 * @param nasIdentifier        NAS-Identifier sent in every request
 * @param requireMessageAuthenticatorOnAccountingReplies whether Accounting-Responses must carry one too
 *                             (Access replies always must; RFC 3579 makes it optional for accounting)
 */
public record RadiusSettings(List<RadiusServer> servers, Duration timeout, int triesPerServer, Duration deadTime,
                             int sourceSockets, int maxWaiting, Optional<String> nasIdentifier,
                             boolean requireMessageAuthenticatorOnAccountingReplies) {
    public RadiusSettings {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one RADIUS server");
        }
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(deadTime, "deadTime");
        Objects.requireNonNull(nasIdentifier, "nasIdentifier");
        if (triesPerServer < 1 || sourceSockets < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("triesPerServer and sourceSockets must be >= 1, maxWaiting >= 0");
        }
    }

    /** Usual defaults: 3 s timeout, 3 tries, 60 s dead time, 4 sockets, 10,000 waiting. */
    public static RadiusSettings defaults(List<RadiusServer> servers, String nasIdentifier) {
        return new RadiusSettings(servers, Duration.ofSeconds(3), 3, Duration.ofSeconds(60), 4, 10_000,
                Optional.of(nasIdentifier), false);
    }
}
