package net.vpdn.runtime.os;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * A Linux TUN device ({@code /dev/net/tun}, IFF_TUN | IFF_NO_PI: bare IP packets), non-blocking,
 * through FFM. {@link #read} for one reader thread, {@link #write} for one writer thread; neither
 * allocates. Needs CAP_NET_ADMIN. The device lives while the descriptor is open.
 */
public final class TunDevice implements AutoCloseable {
    private static final long TUNSETIFF = 0x400454caL;
    private static final short IFF_TUN = 0x0001;
    private static final short IFF_NO_PI = 0x1000;

    private final Arena arena = Arena.ofShared();
    private final int fd;
    private final String name;
    private final MemorySegment rxErr = Libc.errnoSegment(arena);
    private final MemorySegment txErr = Libc.errnoSegment(arena);
    private volatile boolean closed;

    private TunDevice(int fd, String name) {
        this.fd = fd;
        this.name = name;
    }

    /** Creates (or attaches to) TUN device {@code name} in the calling thread's network namespace. */
    public static TunDevice open(String name) throws IOException {
        if (name.isEmpty() || name.length() >= Libc.IFNAMSIZ) throw new IOException("bad TUN name '" + name + "'");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment err = Libc.errnoSegment(a);
            int fd = (int) Libc.OPEN.invokeExact(err, a.allocateFrom("/dev/net/tun"), Libc.O_RDWR | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
            if (fd < 0) throw new IOException("/dev/net/tun: " + Libc.strerror(Libc.errno(err)));
            MemorySegment ifr = a.allocate(Libc.IFREQ_SIZE);
            byte[] n = name.getBytes(StandardCharsets.US_ASCII);
            MemorySegment.copy(n, 0, ifr, ValueLayout.JAVA_BYTE, 0, n.length);
            ifr.set(ValueLayout.JAVA_SHORT, Libc.IFNAMSIZ, (short) (IFF_TUN | IFF_NO_PI));
            int rc = (int) Libc.IOCTL.invokeExact(err, fd, TUNSETIFF, ifr);
            if (rc != 0) {
                String why = Libc.strerror(Libc.errno(err));
                Libc.close(err, fd);
                throw new IOException("TUNSETIFF " + name + ": " + why + " (needs CAP_NET_ADMIN)");
            }
            return new TunDevice(fd, ifr.getString(0));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public String name() {
        return name;
    }

    public int fd() {
        return fd;
    }

    /** One packet into {@code into}: its length, 0 when none is waiting, -errno on failure. Reader thread only. */
    public int read(MemorySegment into) {
        if (closed) return -9;
        try {
            long n = (long) Libc.READ.invokeExact(rxErr, fd, into, into.byteSize());
            if (n >= 0) return (int) n;
            int e = Libc.errno(rxErr);
            return e == Libc.EAGAIN || e == Libc.EINTR ? 0 : -e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Writes one packet (the first {@code length} octets); false when the device would block or failed. Writer thread only. */
    public boolean write(MemorySegment packet, int length) {
        if (closed) return false;
        try {
            long n = (long) Libc.WRITE.invokeExact(txErr, fd, packet, (long) length);
            return n == length;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Closes the device; the reader and writer must have stopped using it. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            Libc.close(txErr, fd);
        } finally {
            arena.close();
        }
    }
}
