package net.vpdn.config;

import java.net.InetAddress;
import java.util.List;

/**
 * The LNS's RFC 5176 Dynamic Authorization Server: the UDP listener that takes Disconnect-Requests
 * (Cisco {@code aaa server radius dynamic-author}).
 *
 * @param enabled whether to listen at all (off by default: it lets a client end sessions)
 * @param address bind address; loopback by default
 * @param port    UDP port, 3799 by default (RFC 5176 §3.1), 0 = any free port
 * @param clients the Dynamic Authorization Clients allowed to send requests, each with its secret
 */
public record DynamicAuthorization(boolean enabled, InetAddress address, int port, List<Client> clients) {
    /** RFC 5176 §3.1: the Disconnect/CoA UDP port. */
    public static final int PORT = 3799;

    /** Copies the list. */
    public DynamicAuthorization {
        clients = List.copyOf(clients);
    }

    /** Off, on the default address and port, with no clients. */
    public static DynamicAuthorization disabled() {
        return new DynamicAuthorization(false, Defaults.LOOPBACK, PORT, List.of());
    }

    /**
     * One Dynamic Authorization Client (Cisco {@code client A.B.C.D server-key}).
     *
     * @param address the source address its requests come from
     * @param secret  the shared secret its requests are signed with
     */
    public record Client(InetAddress address, Secret secret) {
    }
}
