package net.vpdn.lac.access.pppoe.io;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import net.vpdn.runtime.os.Libc;

/**
 * A non-blocking {@code AF_PACKET}/{@code SOCK_RAW} socket bound to one interface and one
 * EtherType (packet(7)), through FFM. Frames go in and out whole, Ethernet header included.
 * {@link #receive} is for one reader thread and {@link #send} for one writer thread (each has its
 * own errno segment); neither allocates. Needs CAP_NET_RAW.
 */
public final class RawSocket implements AutoCloseable {
    private static final int SOCKADDR_LL = 20;

    private final Arena arena = Arena.ofShared();
    private final int fd;
    private final String ifName;
    private final int ifIndex;
    private final long mac;
    private final MemorySegment rxErr = Libc.errnoSegment(arena);
    private final MemorySegment txErr = Libc.errnoSegment(arena);
    private volatile boolean closed;

    private RawSocket(int fd, String ifName, int ifIndex, long mac) {
        this.fd = fd;
        this.ifName = ifName;
        this.ifIndex = ifIndex;
        this.mac = mac;
    }

    /** Opens and binds the socket on {@code ifName} (in the calling thread's network namespace). */
    public static RawSocket open(String ifName, int etherType) throws IOException {
        if (ifName.isEmpty() || ifName.length() >= Libc.IFNAMSIZ) throw new IOException("bad interface name '" + ifName + "'");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment err = Libc.errnoSegment(a);
            int fd = (int) Libc.SOCKET.invokeExact(err, Libc.AF_PACKET, Libc.SOCK_RAW | Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC,
                    (int) Libc.htons(etherType) & 0xFFFF);
            if (fd < 0) throw new IOException("AF_PACKET socket: " + Libc.strerror(Libc.errno(err)) + " (needs CAP_NET_RAW)");
            try {
                MemorySegment ifr = ifreq(a, ifName);
                ioctl(err, fd, Libc.SIOCGIFINDEX, ifr, ifName);
                int index = ifr.get(ValueLayout.JAVA_INT, Libc.IFNAMSIZ);
                ifr = ifreq(a, ifName);
                ioctl(err, fd, Libc.SIOCGIFHWADDR, ifr, ifName);
                long mac = 0;
                for (int i = 0; i < 6; i++) mac = (mac << 8) | (ifr.get(ValueLayout.JAVA_BYTE, Libc.IFNAMSIZ + 2 + i) & 0xFF);
                MemorySegment sll = a.allocate(SOCKADDR_LL);
                sll.set(ValueLayout.JAVA_SHORT, 0, (short) Libc.AF_PACKET);
                sll.set(ValueLayout.JAVA_SHORT, 2, Libc.htons(etherType));
                sll.set(ValueLayout.JAVA_INT, 4, index);
                int rc = (int) Libc.BIND.invokeExact(err, fd, sll, SOCKADDR_LL);
                if (rc != 0) throw new IOException("bind to " + ifName + ": " + Libc.strerror(Libc.errno(err)));
                return new RawSocket(fd, ifName, index, mac);
            } catch (IOException | RuntimeException e) {
                int ignored = (int) Libc.CLOSE.invokeExact(err, fd);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static MemorySegment ifreq(Arena a, String ifName) {
        MemorySegment ifr = a.allocate(Libc.IFREQ_SIZE);
        byte[] name = ifName.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        MemorySegment.copy(name, 0, ifr, ValueLayout.JAVA_BYTE, 0, name.length);
        return ifr;
    }

    private static void ioctl(MemorySegment err, int fd, long request, MemorySegment ifr, String ifName) throws Throwable {
        int rc = (int) Libc.IOCTL.invokeExact(err, fd, request, ifr);
        if (rc != 0) throw new IOException("interface " + ifName + ": " + Libc.strerror(Libc.errno(err)));
    }

    /**
     * Reads one frame into {@code into} (native memory; a longer frame is cut). Returns its
     * length, 0 when nothing is waiting, or -errno on failure. Reader thread only.
     */
    public int receive(MemorySegment into) {
        if (closed) return -9;
        try {
            long n = (long) Libc.RECV.invokeExact(rxErr, fd, into, into.byteSize(), Libc.MSG_DONTWAIT);
            if (n >= 0) return (int) n;
            int e = Libc.errno(rxErr);
            return e == Libc.EAGAIN || e == Libc.EINTR ? 0 : -e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Sends the first {@code length} octets of {@code frame} (native memory) as one frame; false when the socket would block or failed. Writer thread only. */
    public boolean send(MemorySegment frame, int length) {
        if (closed) return false;
        try {
            long n = (long) Libc.SEND.invokeExact(txErr, fd, frame, (long) length, Libc.MSG_DONTWAIT);
            return n == length;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** The errno of the last failed {@link #send}. */
    public int sendErrno() {
        return Libc.errno(txErr);
    }

    public int fd() {
        return fd;
    }

    public String interfaceName() {
        return ifName;
    }

    public int interfaceIndex() {
        return ifIndex;
    }

    /** The interface's MAC address (SIOCGIFHWADDR), 48 bits. */
    public long mac() {
        return mac;
    }

    /** Closes the socket and its native memory; the reader and writer threads must have stopped using it. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            int ignored = (int) Libc.CLOSE.invokeExact(txErr, fd);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        } finally {
            arena.close();
        }
    }
}
