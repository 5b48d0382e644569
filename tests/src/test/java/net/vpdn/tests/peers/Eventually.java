package net.vpdn.tests.peers;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for a condition another process makes true (a file it writes, what its admin API shows): the
 * check is repeated every 50 ms until it passes or {@code limit} is over, then its last failure is
 * thrown. There is no event to wait on across a process boundary; the bound keeps a broken run short.
 */
public final class Eventually {
    private static final Duration POLL = Duration.ofMillis(50);

    /** A check that throws (an assertion, an I/O error) until it holds. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    private Eventually() {
    }

    public static void within(Duration limit, Check check) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (Exception | AssertionError e) {
                if (System.nanoTime() - deadline > 0) {
                    if (e instanceof AssertionError a) throw a;
                    throw (Exception) e;
                }
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }
}
