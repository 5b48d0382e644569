package net.vpdn.tests.ops;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback UDP relay between one LAC and the LNS that loses L2TP control datagrams on purpose:
 * every {@code n}-th control datagram (T bit set) in each direction is dropped, up to {@code maxDrops}
 * in all, so the reliable transport must retransmit and the calls still come up. Data messages pass.
 * The LAC sends to {@link #address()}; the first other sender is taken as the LAC.
 */
final class LossyRelay implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress lns;
    private final int every;
    private final int maxDrops;
    private final Thread thread;
    private final AtomicInteger dropped = new AtomicInteger();
    private int fromLac;
    private int fromLns;
    private volatile SocketAddress lac;

    LossyRelay(InetSocketAddress lns, int every, int maxDrops) throws IOException {
        this.lns = lns;
        this.every = every;
        this.maxDrops = maxDrops;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.thread = Thread.ofPlatform().daemon().name("lossy-relay").start(this::run);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Control datagrams dropped so far. */
    int dropped() {
        return dropped.get();
    }

    private void run() {
        byte[] buf = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                boolean fromLnsSide = p.getSocketAddress().equals(lns);
                if (!fromLnsSide && lac == null) lac = p.getSocketAddress();
                SocketAddress to = fromLnsSide ? lac : lns;
                if (to != null && !lose(p, fromLnsSide)) {
                    socket.send(new DatagramPacket(p.getData(), p.getOffset(), p.getLength(), to));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private boolean lose(DatagramPacket p, boolean fromLnsSide) {
        boolean control = p.getLength() > 0 && (p.getData()[p.getOffset()] & 0x80) != 0;
        if (!control || dropped.get() >= maxDrops) return false;
        int n = fromLnsSide ? ++fromLns : ++fromLac;
        if (n % every != 0) return false;
        dropped.incrementAndGet();
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join();
    }
}
