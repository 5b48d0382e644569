package net.vpdn.lac.select;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One {@code initiate-to} entry of a tunnel set.
 *
 * @param address  the LNS's UDP address
 * @param priority lower is tried first (failover order)
 * @param weight   share of new tunnels among endpoints of equal priority (load sharing); at least 1
 */
public record LnsEndpoint(InetSocketAddress address, int priority, int weight) {
    public LnsEndpoint {
        Objects.requireNonNull(address, "address");
        if (weight < 1) throw new IllegalArgumentException("weight must be at least 1: " + weight);
    }
}
