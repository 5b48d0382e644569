package net.vpdn.config;

import java.net.InetAddress;
import java.util.Optional;

/**
 * The admin HTTP listener (show commands, reload, clear).
 *
 * @param enabled whether to listen at all
 * @param address bind address; loopback by default, and a token is required on any other address
 * @param port    TCP port, 0 = any free port
 * @param token   bearer token every admin request must carry; empty = no token (loopback only)
 */
public record AdminListener(boolean enabled, InetAddress address, int port, Optional<Secret> token) {
}
