package net.vpdn.tests.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reads a child process's output line by line on a daemon thread, keeps every line, copies it to a
 * log file (kept for post-mortems), and lets tests wait for a condition on the lines so far.
 * Waiting is driven by the process itself: each new line wakes the waiters, so nothing sleeps.
 */
final class OutputWatcher {
    private final List<String> lines = new ArrayList<>();
    private final Path logFile;
    private boolean ended;

    OutputWatcher(InputStream in, Path logFile, String threadName) {
        this.logFile = logFile;
        Thread t = new Thread(() -> pump(in), threadName);
        t.setDaemon(true);
        t.start();
    }

    /** The file every line is copied to. */
    Path logFile() {
        return logFile;
    }

    /** A snapshot of all lines read so far. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Whether the output stream reached its end (the process and all holders of its output exited). */
    synchronized boolean ended() {
        return ended;
    }

    /** The last {@code n} lines, one per line, for failure messages. */
    synchronized String tail(int n) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    /**
     * Waits until {@code condition} holds (evaluated under this watcher's lock after every new line),
     * the output ends, or the timeout passes.
     *
     * @return whether the condition held
     */
    synchronized boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void pump(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             Writer w = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                w.write(line);
                w.write('\n');
                w.flush();
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                lines.add("[output watcher: " + e + "]");
            }
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }
}
