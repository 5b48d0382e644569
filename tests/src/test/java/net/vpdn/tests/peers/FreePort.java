package net.vpdn.tests.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Free UDP (and TCP) ports on 127.0.0.1, found by binding port 0 and reading what the kernel chose.
 * The port is released before it is returned, so another process could take it in between;
 * on a test machine that window is small enough, and a clash shows up as a bind failure.
 */
public final class FreePort {
    private FreePort() {
    }

    /** One UDP port that was free on 127.0.0.1 a moment ago. */
    public static int udp() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a UDP socket on 127.0.0.1", e);
        }
    }

    /** {@code n} distinct UDP ports, all held open together while they are chosen so none repeats. */
    public static int[] udp(int n) {
        Set<DatagramSocket> held = new LinkedHashSet<>();
        try {
            for (int i = 0; i < n; i++) {
                held.add(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
            }
            return held.stream().mapToInt(DatagramSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + n + " UDP sockets on 127.0.0.1", e);
        } finally {
            held.forEach(DatagramSocket::close);
        }
    }

    /** One TCP port that was free on 127.0.0.1 a moment ago. */
    public static int tcp() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a TCP socket on 127.0.0.1", e);
        }
    }
}
