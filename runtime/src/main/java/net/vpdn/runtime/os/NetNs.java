package net.vpdn.runtime.os;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a piece of set-up inside a named network namespace ({@code ip netns add NAME}, so
 * {@code /var/run/netns/NAME}): on a fresh platform thread that {@code setns(2)}s itself there and
 * then ends, so no thread of the JVM stays in the namespace. A socket or TUN device opened inside
 * stays in that namespace for good, which is what lets one LAC process talk L2TP on the host's
 * network and PPPoE on an interface of another namespace.
 */
public final class NetNs {
    private NetNs() {
    }

    /** Runs {@code task} in namespace {@code name}, or on the calling thread when empty. */
    public static <T> T call(Optional<String> name, Callable<T> task) throws IOException {
        if (name.isEmpty()) return callHere(task);
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = Thread.ofPlatform().name("vpdn-netns-" + name.get()).start(() -> {
            try {
                enter(name.get());
                out.set(task.call());
            } catch (Exception | Error e) {
                out.set(e);
            }
        });
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while entering netns " + name.get(), e);
        }
        Object r = out.get();
        if (r instanceof IOException io) throw io;
        if (r instanceof RuntimeException re) throw re;
        if (r instanceof Error err) throw err;
        if (r instanceof Exception ex) throw new IOException(ex);
        @SuppressWarnings("unchecked") T value = (T) r;
        return value;
    }

    private static <T> T callHere(Callable<T> task) throws IOException {
        try {
            return task.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static void enter(String name) throws IOException {
        if (name.contains("/") || name.isEmpty()) throw new IOException("bad netns name '" + name + "'");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = Libc.errnoSegment(arena);
            MemorySegment path = arena.allocateFrom("/var/run/netns/" + name);
            int fd = (int) Libc.OPEN.invokeExact(err, path, Libc.O_RDONLY | Libc.O_CLOEXEC);
            if (fd < 0) throw new IOException("netns " + name + ": " + Libc.strerror(Libc.errno(err)));
            int rc = (int) Libc.SETNS.invokeExact(err, fd, Libc.CLONE_NEWNET);
            int setnsErrno = Libc.errno(err);
            Libc.close(err, fd);
            if (rc != 0) throw new IOException("setns " + name + ": " + Libc.strerror(setnsErrno));
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
