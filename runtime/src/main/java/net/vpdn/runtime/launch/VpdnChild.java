package net.vpdn.runtime.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An LNS or LAC process started as a separate JVM, as {@code ./vpdn demo} and the end-to-end tests run
 * them: {@code java -cp CLASSPATH MAIN ARGS}, stderr (the key=value log) to a file, stdout read line by
 * line. {@link #awaitReady} waits for the process's one ready line ({@code vpdn lns ready: l2tp A:P admin
 * A:P|off metrics A:P|off}) and parses the addresses; {@link #close} sends SIGTERM (the processes clear
 * calls and tunnels on it) and kills what is still alive after the grace time. One reader thread per
 * child process: there are two of them, never one per call.
 */
public final class VpdnChild implements AutoCloseable {
    private static final Pattern READY = Pattern.compile(
            "^vpdn (lac|lns) ready: l2tp (\\S+):(\\d+) admin (\\S+)(?: metrics (\\S+))?.*$");
    /**
     * The processes' own logging configuration (key=value lines on stderr), even when the class path is
     * a test's, whose {@code logback-test.xml} logback would otherwise prefer.
     */
    static final List<String> PRODUCT_LOGGING = List.of("-Dlogback.configurationFile=logback.xml",
            "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener");
    /** How long {@link #close} waits after SIGTERM before it kills. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /**
     * What to start.
     *
     * @param name       {@code lns} or {@code lac}: the word of its ready line
     * @param mainClass  {@code net.vpdn.lns.LnsMain} or {@code net.vpdn.lac.LacMain}
     * @param classPath  the child's class path
     * @param jvmOptions options before the class name (heap, GC)
     * @param args       the program's arguments
     * @param log        where stderr goes
     * @param env        extra environment variables (e.g. {@code VPDN_LOG_LEVEL})
     */
    public record Spec(String name, String mainClass, String classPath, List<String> jvmOptions, List<String> args,
                       Path log, Map<String, String> env) {
        public Spec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mainClass, "mainClass");
            Objects.requireNonNull(classPath, "classPath");
            jvmOptions = List.copyOf(jvmOptions);
            args = List.copyOf(args);
            Objects.requireNonNull(log, "log");
            env = Map.copyOf(env);
        }

        /** The LNS with {@code args}, on the class path of this JVM. */
        public static Spec lns(List<String> args, Path log) {
            return new Spec("lns", "net.vpdn.lns.LnsMain", ownClassPath(), PRODUCT_LOGGING, args, log, Map.of());
        }

        /** The LAC with {@code args}, on the class path of this JVM. */
        public static Spec lac(List<String> args, Path log) {
            return new Spec("lac", "net.vpdn.lac.LacMain", ownClassPath(), PRODUCT_LOGGING, args, log, Map.of());
        }

        /** These JVM options after the ones already given. */
        public Spec withJvmOptions(List<String> options) {
            List<String> all = new ArrayList<>(jvmOptions);
            all.addAll(options);
            return new Spec(name, mainClass, classPath, all, args, log, env);
        }

        public Spec withEnv(Map<String, String> more) {
            var all = new java.util.HashMap<>(env);
            all.putAll(more);
            return new Spec(name, mainClass, classPath, jvmOptions, args, log, all);
        }

        List<String> command() {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("--enable-native-access=ALL-UNNAMED");
            cmd.addAll(jvmOptions);
            cmd.add("-cp");
            cmd.add(classPath);
            cmd.add(mainClass);
            cmd.addAll(args);
            return cmd;
        }
    }

    /**
     * The addresses of a ready process.
     *
     * @param l2tp    its L2TP endpoint
     * @param admin   its admin API, when enabled
     * @param metrics its metrics listener, when enabled
     */
    public record Ready(InetSocketAddress l2tp, Optional<InetSocketAddress> admin, Optional<InetSocketAddress> metrics) {
        /** {@code http://A:P} of the admin API. */
        public Optional<String> adminUrl() {
            return admin.map(a -> "http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
        }

        /** {@code http://A:P} of the metrics listener. */
        public Optional<String> metricsUrl() {
            return metrics.map(a -> "http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
        }
    }

    private final Spec spec;
    private final Process process;
    private final List<String> output = new ArrayList<>();
    private Thread reader;
    private Ready ready;

    private VpdnChild(Spec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    /** Starts the process; its stdout is collected from now on. */
    public static VpdnChild start(Spec spec) throws IOException {
        ProcessBuilder b = new ProcessBuilder(spec.command())
                .redirectError(ProcessBuilder.Redirect.appendTo(spec.log().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        b.environment().putAll(spec.env());
        VpdnChild child = new VpdnChild(spec, b.start());
        child.reader = Thread.ofPlatform().daemon().name("vpdn-" + spec.name() + "-stdout").start(child::readOutput);
        return child;
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (output) {
                    output.add(line);
                    output.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone; what it printed so far stays in output
        } finally {
            synchronized (output) {
                output.notifyAll();
            }
        }
    }

    /** Waits for the ready line; fails with the log's tail if the process exits or {@code limit} passes first. */
    public Ready awaitReady(Duration limit) throws InterruptedException {
        String line = awaitLine(l -> parseReady(l).isPresent(), limit, "its ready line");
        ready = parseReady(line).orElseThrow();
        return ready;
    }

    /**
     * Waits for a stdout line that {@code wanted} accepts (one printed before the call counts too); fails
     * with the log's tail if the process exits without printing it or {@code limit} passes first.
     */
    public String awaitLine(java.util.function.Predicate<String> wanted, Duration limit, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (output) {
            while (true) {
                for (String line : output) {
                    if (wanted.test(line)) return line;
                }
                long left = deadline - System.nanoTime();
                boolean ended = !process.isAlive() && !reader.isAlive();
                if (ended || left <= 0) {
                    throw new IllegalStateException("the " + spec.name() + " process " + (ended ? "exited (status "
                            + process.exitValue() + ") before it printed " + what : "did not print " + what + " within "
                            + limit.toSeconds() + " s") + "; stdout " + output + "; log tail:\n" + logTail());
                }
                output.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
            }
        }
    }

    /** Parses a ready line; empty for any other line. */
    public static Optional<Ready> parseReady(String line) {
        Matcher m = READY.matcher(line);
        if (!m.matches()) return Optional.empty();
        InetSocketAddress l2tp = new InetSocketAddress(InetAddress.ofLiteral(m.group(2)), Integer.parseInt(m.group(3)));
        return Optional.of(new Ready(l2tp, address(m.group(4)), address(m.group(5))));
    }

    private static Optional<InetSocketAddress> address(String text) {
        if (text == null || text.equals("off")) return Optional.empty();
        int colon = text.lastIndexOf(':');
        if (colon <= 0) return Optional.empty();
        return Optional.of(new InetSocketAddress(InetAddress.ofLiteral(text.substring(0, colon)),
                Integer.parseInt(text.substring(colon + 1))));
    }

    /** The ready line's addresses (after {@link #awaitReady}). */
    public Ready ready() {
        if (ready == null) throw new IllegalStateException("not ready yet");
        return ready;
    }

    /** Waits for the process to exit; its status, or empty when it is still running after {@code limit}. */
    public Optional<Integer> waitFor(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) return Optional.empty();
        reader.join(Duration.ofSeconds(2)); // the last lines of a process that has just exited
        return Optional.of(process.exitValue());
    }

    /** Every stdout line so far. */
    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return spec.log();
    }

    /** The last lines of the process's log. */
    public String logTail() {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(spec.log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM (clean shutdown: CDN and StopCCN), then a kill after {@link #STOP_GRACE}; the exit status or -1. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The class path of this JVM: the children of a test or of the demo run on the same classes. */
    public static String ownClassPath() {
        return System.getProperty("java.class.path");
    }
}
