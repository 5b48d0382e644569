package net.vpdn.config;

import java.net.InetAddress;
import java.time.Duration;

/**
 * A RADIUS server (Cisco {@code radius server NAME}), used in the order listed.
 *
 * @param name     unique server name (for logs and metrics)
 * @param address  IP address literal
 * @param authPort Access-Request port, RFC 2865 §3
 * @param acctPort Accounting-Request port, RFC 2866 §3
 * @param secret   shared secret
 * @param timeout  wait for a reply before retransmitting (Cisco {@code timeout})
 * @param retries  retransmissions before the next server is tried (Cisco {@code retransmit})
 * @param deadTime how long a server that did not answer is skipped, zero = never skipped
 *                 (Cisco {@code radius-server deadtime})
 */
public record RadiusServer(
        String name,
        InetAddress address,
        int authPort,
        int acctPort,
        Secret secret,
        Duration timeout,
        int retries,
        Duration deadTime) {
}
