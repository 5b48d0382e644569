package net.vpdn.tests.peers;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts external peers (xl2tpd, tshark) and guarantees they die: {@link #stop} ends a process
 * and all its descendants (xl2tpd forks pppd), and a JVM shutdown hook kills whatever a failed
 * or aborted test left running.
 */
final class ChildProcesses {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "vpdn-peer-reaper"));
    }

    private ChildProcesses() {
    }

    /** Starts the process and registers it for the shutdown hook. */
    static Process start(ProcessBuilder builder) throws IOException {
        Process p = builder.start();
        LIVE.add(p);
        return p;
    }

    /**
     * Asks the process to stop with SIGTERM (so xl2tpd and tshark can clean up), waits up to
     * {@code grace}, then SIGKILLs it and every descendant that is still alive.
     *
     * @return the exit code, or -1 if it had to be killed
     */
    static int stop(Process p, Duration grace) {
        var descendants = p.descendants().toList();
        try {
            p.destroy();
            if (p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return p.exitValue();
            }
            p.destroyForcibly();
            p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return -1;
        } finally {
            descendants.forEach(ProcessHandle::destroyForcibly);
            LIVE.remove(p);
        }
    }

    private static void killAll() {
        for (Process p : LIVE) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
