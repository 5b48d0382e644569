package net.vpdn.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Ethernet interface the LAC answers PPPoE (RFC 2516) on ({@code pppoe-interfaces} entries).
 *
 * @param name         the Linux interface name, e.g. {@code eth1} (at most 15 characters)
 * @param netns        a named network namespace ({@code ip netns}) the interface lives in, if not the LAC's own
 * @param vlan         the 802.1Q VLAN id (1 to 4094) sessions are tagged with, or none
 * @param acName       the AC-Name tag (default: the hostname)
 * @param serviceNames Service-Names offered; a PADI for any service (empty name) is always offered
 * @param cookieSecret the AC-Cookie HMAC key, at least 16 characters; never shown
 * @param maxSessions  sessions at most on the interface (1 to 65534)
 * @param connectSpeed the Tx Connect Speed reported to the LNS, bits/s
 * @param padiLimit    PADIs answered per second on the interface (PADI storm protection), 0 = no limit
 * @param padiLimitPerMac PADIs answered per second to one client MAC, 0 = no limit
 */
public record PppoeInterface(String name, Optional<String> netns, OptionalInt vlan, String acName, List<String> serviceNames,
                             Secret cookieSecret, int maxSessions, long connectSpeed, int padiLimit, int padiLimitPerMac) {
    public static final int DEFAULT_MAX_SESSIONS = 8000;
    public static final int DEFAULT_PADI_LIMIT = 1000;
    public static final int MAX_PADI_LIMIT = 1_000_000;
    public static final int DEFAULT_PADI_LIMIT_PER_MAC = 3;
    public static final int MAX_PADI_LIMIT_PER_MAC = 1000;
    public static final long DEFAULT_CONNECT_SPEED = 1_000_000_000L;
    public static final int MIN_COOKIE_SECRET = 16;

    public PppoeInterface {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cookieSecret, "cookieSecret");
        serviceNames = List.copyOf(serviceNames);
    }
}
