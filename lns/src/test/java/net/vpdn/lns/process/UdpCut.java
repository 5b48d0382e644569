package net.vpdn.lns.process;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A loopback UDP relay between one LAC and the LNS that can be cut, so the LAC vanishes without a
 * word (a dead peer: no StopCCN, no CDN). The LAC sends to {@link #address()}; everything else is
 * forwarded both ways until {@link #cut()}.
 */
final class UdpCut implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress lns;
    private final Thread thread;
    private volatile SocketAddress lac;
    private volatile boolean cut;

    UdpCut(InetSocketAddress lns) throws IOException {
        this.lns = lns;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.thread = Thread.ofPlatform().daemon().name("udp-cut").start(this::run);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void cut() {
        cut = true;
    }

    private void run() {
        byte[] buf = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                boolean fromLns = p.getSocketAddress().equals(lns);
                if (!fromLns) {
                    lac = p.getSocketAddress();
                }
                SocketAddress to = fromLns ? lac : lns;
                if (!cut && to != null) {
                    socket.send(new DatagramPacket(p.getData(), p.getOffset(), p.getLength(), to));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join();
    }
}
