package net.vpdn.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The LNS's TUN uplink ({@code tun-uplink}): subscriber packets for destinations outside the LNS leave
 * through a Linux TUN device, and packets for the pools come back through it. Off by default: without it
 * the in-process IP plane (echo replies, subscriber to subscriber) is all there is, and no root is needed.
 *
 * @param enabled     create the device at start (needs CAP_NET_ADMIN)
 * @param name        the TUN device name
 * @param netns       a named network namespace ({@code ip netns}) to create it in, if not the LNS's own
 * @param mtu         the device MTU; TCP SYNs through it get their MSS clamped to {@code mtu - 40}
 * @param applyRoutes run the printed {@code ip link} / {@code ip route} lines (else only log them)
 */
public record TunUplink(boolean enabled, String name, Optional<String> netns, int mtu, boolean applyRoutes) {
    public static final String DEFAULT_NAME = "vpdn0";
    /** 1500 minus PPPoE (8) on the subscriber side: what a PPPoE subscriber's packets fit. */
    public static final int DEFAULT_MTU = 1492;

    public TunUplink {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(netns, "netns");
    }

    public static TunUplink disabled() {
        return new TunUplink(false, DEFAULT_NAME, Optional.empty(), DEFAULT_MTU, false);
    }
}
