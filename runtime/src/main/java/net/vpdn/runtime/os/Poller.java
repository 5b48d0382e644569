package net.vpdn.runtime.os;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** poll(2) over a fixed set of descriptors, for one thread; allocation-free after construction. */
public final class Poller implements AutoCloseable {
    private static final int POLLFD = 8;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment fds;
    private final MemorySegment err = Libc.errnoSegment(arena);
    private final int count;

    /** Must be created on the thread that polls. */
    public Poller(int... descriptors) {
        count = descriptors.length;
        fds = arena.allocate((long) POLLFD * count);
        for (int i = 0; i < count; i++) {
            fds.set(ValueLayout.JAVA_INT, (long) i * POLLFD, descriptors[i]);
            fds.set(ValueLayout.JAVA_SHORT, (long) i * POLLFD + 4, (short) Libc.POLLIN);
        }
    }

    /** Waits up to {@code timeoutMillis} for input; returns how many descriptors are ready (0 on timeout or EINTR). */
    public int await(int timeoutMillis) {
        try {
            int n = (int) Libc.POLL.invokeExact(err, fds, (long) count, timeoutMillis);
            return Math.max(n, 0);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Whether descriptor {@code i} reported input (or an error) in the last {@link #await}. */
    public boolean ready(int i) {
        return fds.get(ValueLayout.JAVA_SHORT, (long) i * POLLFD + 6) != 0;
    }

    @Override
    public void close() {
        arena.close();
    }
}
