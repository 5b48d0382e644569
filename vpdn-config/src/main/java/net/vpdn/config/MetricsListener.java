package net.vpdn.config;

import java.net.InetAddress;

/**
 * The Prometheus scrape listener ({@code GET /metrics}).
 *
 * @param enabled whether to listen at all
 * @param address bind address
 * @param port    TCP port, 0 = any free port
 */
public record MetricsListener(boolean enabled, InetAddress address, int port) {
}
