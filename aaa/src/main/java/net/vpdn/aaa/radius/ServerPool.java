package net.vpdn.aaa.radius;

import java.util.ArrayList;
import java.util.List;

/**
 * Which servers to try, in order: those not marked dead, in configured order. A server that
 * exhausted its tries is dead for the dead time; when every server is dead, all are tried
 * anyway (in configured order) rather than failing without asking. Pure: time comes in.
 */
public final class ServerPool {
    private final long[] deadUntilNanos;
    private final boolean[] dead;
    private final long[] deadTimeNanos;

    /** {@code servers} servers sharing one dead time. */
    public ServerPool(int servers, long deadTimeNanos) {
        this(filled(servers, deadTimeNanos));
    }

    /** One server per entry, each with its own dead time. */
    public ServerPool(long[] deadTimeNanos) {
        this.deadUntilNanos = new long[deadTimeNanos.length];
        this.dead = new boolean[deadTimeNanos.length];
        this.deadTimeNanos = deadTimeNanos.clone();
    }

    private static long[] filled(int servers, long value) {
        long[] all = new long[servers];
        java.util.Arrays.fill(all, value);
        return all;
    }

    /** Server indexes to try for a new request at {@code nowNanos}. */
    public List<Integer> order(long nowNanos) {
        List<Integer> alive = new ArrayList<>(dead.length);
        for (int i = 0; i < dead.length; i++) {
            if (!isDead(i, nowNanos)) {
                alive.add(i);
            }
        }
        if (!alive.isEmpty()) {
            return alive;
        }
        List<Integer> all = new ArrayList<>(dead.length);
        for (int i = 0; i < dead.length; i++) {
            all.add(i);
        }
        return all;
    }

    /** Whether {@code server} is inside its dead time. */
    public boolean isDead(int server, long nowNanos) {
        return dead[server] && nowNanos - deadUntilNanos[server] < 0;
    }

    /** {@code server} did not answer any try of a request. */
    public void markDead(int server, long nowNanos) {
        dead[server] = true;
        deadUntilNanos[server] = nowNanos + deadTimeNanos[server];
    }

    /** {@code server} answered. */
    public void markAlive(int server) {
        dead[server] = false;
    }
}
