package net.vpdn.tests.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of our processes ({@code LnsMain}, {@code LacMain}) as a separate OS process: the JVM running
 * this test with its class path, stdout and stderr into a log file. {@link #close} sends SIGTERM (the
 * processes then clear their calls and tunnels) and SIGKILLs after a grace period; a JVM shutdown hook
 * kills whatever an aborted test left.
 */
public final class JavaProcess implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final Process process;
    private final Path log;

    private JavaProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code mainClass} with {@code args}, logging to {@code log}. */
    public static JavaProcess start(String mainClass, List<String> args, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(args);
        Process p = ChildProcesses.start(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()));
        return new JavaProcess(p, log);
    }

    /** Waits for a log line matching {@code regex}; its match (groups usable). Fails if the process exits first. */
    public Matcher awaitLine(String regex, Duration limit) throws IOException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            for (String line : Files.readAllLines(log)) {
                Matcher m = p.matcher(line);
                if (m.find()) return m;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the process exited (" + process.exitValue() + ") before logging /" + regex
                        + "/:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no line /" + regex + "/ within " + limit + ":\n" + tail());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** The last 30 lines of the log. */
    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, then SIGKILL after the grace period; the exit status, or -1 if it had to be killed. */
    public int stop() {
        return ChildProcesses.stop(process, GRACE);
    }

    @Override
    public void close() {
        stop();
    }
}
