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
    private static final int MSGHDR = 56;
    private static final int IOVEC = 16;
    private static final int CONTROL = 64;
    /** tpacket_auxdata.tp_status bit: tp_vlan_tci holds a tag the kernel took off the frame. */
    private static final int TP_STATUS_VLAN_VALID = 0x10;
    private static final int TP_STATUS_VLAN_TPID_VALID = 0x40;
    private static final int VLAN_TAG = 4;
    /** Every EtherType: what a VLAN socket binds to, since the kernel hides tags from protocol-bound sockets. */
    public static final int ETH_P_ALL = 0x0003;
    private static final int PACKET_OTHERHOST = 3;
    private static final int PACKET_OUTGOING = 4;
    private static final int MAX_SKIPPED = 64;

    private final Arena arena = Arena.ofShared();
    private final int fd;
    private final String ifName;
    private final int ifIndex;
    private final long mac;
    private final MemorySegment rxErr = Libc.errnoSegment(arena);
    /** recvmsg(2) state for the reader thread: msghdr, one iovec, and room for one tpacket_auxdata cmsg. */
    private final MemorySegment msg = arena.allocate(MSGHDR);
    private final MemorySegment iov = arena.allocate(IOVEC);
    private final MemorySegment control = arena.allocate(CONTROL);
    private final MemorySegment from = arena.allocate(SOCKADDR_LL);
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
                MemorySegment one = a.allocate(ValueLayout.JAVA_INT);
                one.set(ValueLayout.JAVA_INT, 0, 1);
                int on = (int) Libc.SETSOCKOPT.invokeExact(err, fd, Libc.SOL_PACKET, Libc.PACKET_AUXDATA, one, 4);
                if (on != 0) throw new IOException("PACKET_AUXDATA on " + ifName + ": " + Libc.strerror(Libc.errno(err)));
                int rc = (int) Libc.BIND.invokeExact(err, fd, sll, SOCKADDR_LL);
                if (rc != 0) throw new IOException("bind to " + ifName + ": " + Libc.strerror(Libc.errno(err)));
                return new RawSocket(fd, ifName, index, mac);
            } catch (IOException | RuntimeException e) {
                Libc.close(err, fd);
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
     * Reads one frame into {@code into} (native memory; a longer frame is cut). An 802.1Q tag the kernel
     * took off the frame (it does on receive, into the packet's auxdata, which only an {@link #ETH_P_ALL}
     * socket gets to see) is put back in-band, so the frame is as it was on the wire. Returns its length, 0 when nothing is waiting, or -errno on
     * failure. Reader thread only.
     */
    public int receive(MemorySegment into) {
        if (closed) return -9;
        for (int skipped = 0; skipped < MAX_SKIPPED; skipped++) {
            int n = receiveOne(into);
            // Not for us: our own frames going out (an ETH_P_ALL socket sees them), and frames to another
            // station's MAC or, for a protocol-bound socket, of a VLAN no sub-interface claims (the kernel
            // clears the tag and marks them so).
            int type = from.get(ValueLayout.JAVA_BYTE, 10) & 0xFF;
            if (n <= 0 || type != PACKET_OUTGOING && type != PACKET_OTHERHOST) return n;
        }
        return 0;
    }

    private int receiveOne(MemorySegment into) {
        long room = into.byteSize() - VLAN_TAG;
        iov.set(ValueLayout.ADDRESS, 0, into);
        iov.set(ValueLayout.JAVA_LONG, 8, room);
        msg.fill((byte) 0);
        from.fill((byte) 0);
        msg.set(ValueLayout.ADDRESS, 0, from);
        msg.set(ValueLayout.JAVA_INT, 8, SOCKADDR_LL);
        msg.set(ValueLayout.ADDRESS, 16, iov);
        msg.set(ValueLayout.JAVA_LONG, 24, 1L);
        msg.set(ValueLayout.ADDRESS, 32, control);
        msg.set(ValueLayout.JAVA_LONG, 40, (long) CONTROL);
        try {
            long n = (long) Libc.RECVMSG.invokeExact(rxErr, fd, msg, Libc.MSG_DONTWAIT);
            if (n < 0) {
                int e = Libc.errno(rxErr);
                return e == Libc.EAGAIN || e == Libc.EINTR ? 0 : -e;
            }
            int len = (int) Math.min(n, room);
            int tci = vlanTci();
            if (tci < 0 || len < 12) return len;
            MemorySegment.copy(into, 12, into, 12 + VLAN_TAG, len - 12); // room for the tag after the MAC addresses
            into.set(ValueLayout.JAVA_SHORT_UNALIGNED, 12, Libc.htons(vlanTpid()));
            into.set(ValueLayout.JAVA_SHORT_UNALIGNED, 14, Libc.htons(tci));
            return len + VLAN_TAG;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** The VLAN TCI of the last frame's auxdata, or -1 (cmsghdr: len, level, type; then tpacket_auxdata). */
    private int vlanTci() {
        long controlLen = msg.get(ValueLayout.JAVA_LONG, 40);
        if (controlLen < 16 + 20) return -1;
        if (control.get(ValueLayout.JAVA_INT, 8) != Libc.SOL_PACKET || control.get(ValueLayout.JAVA_INT, 12) != Libc.PACKET_AUXDATA) {
            return -1;
        }
        int status = control.get(ValueLayout.JAVA_INT, 16);
        if ((status & TP_STATUS_VLAN_VALID) == 0) return -1;
        return control.get(ValueLayout.JAVA_SHORT, 16 + 16) & 0xFFFF;
    }

    private int vlanTpid() {
        int status = control.get(ValueLayout.JAVA_INT, 16);
        int tpid = control.get(ValueLayout.JAVA_SHORT, 16 + 18) & 0xFFFF;
        return (status & TP_STATUS_VLAN_TPID_VALID) != 0 && tpid != 0 ? tpid : 0x8100;
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
            Libc.close(txErr, fd);
        } finally {
            arena.close();
        }
    }
}
