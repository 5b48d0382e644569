package net.vpdn.tests.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

import net.vpdn.tests.peers.Xl2tpdEvent.CallClosedByPeer;
import net.vpdn.tests.peers.Xl2tpdEvent.CallClosedLocally;
import net.vpdn.tests.peers.Xl2tpdEvent.Listening;
import net.vpdn.tests.peers.Xl2tpdEvent.PeerResultCode;
import net.vpdn.tests.peers.Xl2tpdEvent.PppdExited;
import net.vpdn.tests.peers.Xl2tpdEvent.ProtocolProblem;

/**
 * A real xl2tpd (Debian package) on 127.0.0.1, run in the foreground as a child process with its own
 * config, secrets, pid file and control pipe in a fresh temporary directory. Its log is parsed into
 * {@link Xl2tpdEvent}s that tests wait for; {@link #close()} stops it and any pppd it started.
 *
 * <pre>{@code
 * try (Xl2tpd lac = Xl2tpd.lac("vpdn").peer("127.0.0.1", lnsPort).secret("s").start()) {
 *     lac.dial();
 *     var call = lac.await(CallEstablished.class);
 * }
 * }</pre>
 */
public final class Xl2tpd implements AutoCloseable {
    /** Which end of the tunnel this xl2tpd plays. */
    public enum Role { LNS, LAC }

    /** How long {@link #await(Class)} waits by default; the whole exchange takes milliseconds on loopback. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    private static final int TAIL_LINES = 60;

    private final Xl2tpdConfig config;
    private final Path dir;
    private final Path controlFile;
    private final Process process;
    private final OutputWatcher output;

    private Xl2tpd(Xl2tpdConfig config, Path dir, Path controlFile, Process process, OutputWatcher output) {
        this.config = config;
        this.dir = dir;
        this.controlFile = controlFile;
        this.process = process;
        this.output = output;
    }

    /** An LNS ({@code [lns default]}) that accepts any LAC. */
    public static Builder lns() {
        return new Builder(Role.LNS, "default");
    }

    /** A LAC ({@code [lac name]}); set its LNS with {@link Builder#peer}, then {@link #dial()}. */
    public static Builder lac(String lacName) {
        return new Builder(Role.LAC, lacName);
    }

    static Xl2tpd start(Xl2tpdConfig config, Path workDir, Duration timeout) throws IOException {
        Path dir = Files.createTempDirectory(workDir, "xl2tpd-" + config.role().name().toLowerCase() + "-");
        Path conf = dir.resolve("xl2tpd.conf");
        Path secrets = dir.resolve("l2tp-secrets");
        Path pppOpts = dir.resolve("options.ppp");
        Path control = dir.resolve("l2tp-control");
        Files.writeString(secrets, "", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(secrets, config.renderSecrets(), StandardCharsets.UTF_8);
        if (config.holdPppd()) {
            mkfifo(pppOpts);
        } else {
            Files.writeString(pppOpts, config.renderPppOptions(), StandardCharsets.UTF_8);
        }
        Files.writeString(conf, config.renderConf(secrets.toString(), pppOpts.toString()), StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(PeerTool.XL2TPD.require().toString(), "-D",
                "-c", conf.toString(), "-p", dir.resolve("xl2tpd.pid").toString(), "-C", control.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true);
        Process p = ChildProcesses.start(pb);
        OutputWatcher out = new OutputWatcher(p.getInputStream(), dir.resolve("xl2tpd.log"), "xl2tpd-" + p.pid());
        Xl2tpd x = new Xl2tpd(config, dir, control, p, out);
        try {
            x.await(Listening.class, l -> l.port() == config.listenPort(), timeout);
            x.awaitControlPipe(timeout);
        } catch (AssertionError | RuntimeException e) {
            x.close();
            throw e;
        }
        return x;
    }

    /** This instance's settings. */
    public Xl2tpdConfig config() {
        return config;
    }

    /** The UDP port xl2tpd listens and sends on (127.0.0.1). */
    public int port() {
        return config.listenPort();
    }

    /** The directory holding config, log, pid file and control pipe. */
    public Path dir() {
        return dir;
    }

    /** xl2tpd's combined output (and its pppd's stderr). */
    public Path logFile() {
        return output.logFile();
    }

    /** Whether the xl2tpd process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** LAC: "c name", opens the tunnel if needed and places a call (ICRQ). */
    public void dial() {
        control("c " + config.lacName());
    }

    /** LAC: "d name", clears the call (CDN) and the tunnel (StopCCN, result 1 "Goodbye!"). */
    public void hangUp() {
        control("d " + config.lacName());
    }

    /** Writes one command to xl2tpd's control pipe (see xl2tpd(8)). */
    public void control(String command) {
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
            try {
                Files.writeString(controlFile, command + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> Thread.ofPlatform().daemon().name("xl2tpd-control").start(r));
        try {
            write.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(describe() + ": could not write '" + command + "' to " + controlFile
                    + " (" + e + ")" + tail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Every event logged so far, in order. */
    public List<Xl2tpdEvent> events() {
        return Xl2tpdLog.parseAll(output.lines());
    }

    /** Every log line so far. */
    public List<String> logLines() {
        return output.lines();
    }

    /** Events of one type logged so far. */
    public <T extends Xl2tpdEvent> List<T> events(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Lines showing that xl2tpd rejected something it received. */
    public List<ProtocolProblem> protocolProblems() {
        return events(ProtocolProblem.class);
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} for the first event of this type. */
    public <T extends Xl2tpdEvent> T await(Class<T> type) {
        return await(type, e -> true, DEFAULT_TIMEOUT);
    }

    /**
     * Waits for the first event of this type that matches, failing with the log tail if xl2tpd exits
     * or the timeout passes first.
     */
    public <T extends Xl2tpdEvent> T await(Class<T> type, Predicate<? super T> match, Duration timeout) {
        Predicate<Xl2tpdEvent> p = e -> type.isInstance(e) && match.test(type.cast(e));
        if (!output.await(() -> Xl2tpdLog.parseAll(output.lines()).stream().anyMatch(p), timeout)) {
            throw new AssertionError(describe() + ": no " + type.getSimpleName() + " within " + timeout.toMillis()
                    + " ms (xl2tpd " + (process.isAlive() ? "running" : "exited") + ")" + tail());
        }
        return events().stream().filter(p).map(type::cast).findFirst().orElseThrow();
    }

    /**
     * Waits for the current call to end: either xl2tpd's pppd exited and xl2tpd sent a CDN, or the peer
     * sent a CDN. Fails if xl2tpd logged a protocol problem first.
     */
    public CallEnd awaitCallEnd(Duration timeout) {
        if (!output.await(() -> callEnd(Xl2tpdLog.parseAll(output.lines())) != null, timeout)) {
            throw new AssertionError(describe() + ": the call did not end within " + timeout.toMillis() + " ms" + tail());
        }
        assertNoProtocolProblems();
        return callEnd(events());
    }

    /** Fails, with the log tail, if xl2tpd logged any {@link ProtocolProblem}. */
    public void assertNoProtocolProblems() {
        List<ProtocolProblem> problems = protocolProblems();
        if (!problems.isEmpty()) {
            throw new AssertionError(describe() + " logged protocol problems " + problems + tail());
        }
    }

    private static CallEnd callEnd(List<Xl2tpdEvent> events) {
        PeerResultCode lastResult = null;
        PppdExited exited = null;
        for (Xl2tpdEvent e : events) {
            switch (e) {
                case PeerResultCode r -> lastResult = r;
                case PppdExited p -> exited = p;
                case CallClosedLocally c -> {
                    if (exited != null) {
                        return new CallEnd.LocalPppdExited(exited.exitCode());
                    }
                }
                case CallClosedByPeer c -> {
                    return lastResult == null ? new CallEnd.PeerSentCdn(-1, -1, c.message())
                            : new CallEnd.PeerSentCdn(lastResult.resultCode(), lastResult.errorCode(), lastResult.errorMessage());
                }
                default -> { }
            }
        }
        return null;
    }

    /** The last lines of the log, for assertion messages. */
    public String logTail(int lines) {
        return output.tail(lines);
    }

    /** Stops xl2tpd (SIGTERM, then SIGKILL) and its pppd children; removes the directory unless kept. */
    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(5));
        if (System.getenv("VPDN_KEEP_PEER_DIRS") == null) {
            deleteTree(dir);
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    private String describe() {
        return "xl2tpd " + config.role() + (config.role() == Role.LAC ? " '" + config.lacName() + "'" : "")
                + " on 127.0.0.1:" + config.listenPort() + " (pid " + process.pid() + ")";
    }

    private String tail() {
        return "\n--- last " + TAIL_LINES + " lines of " + logFile() + " ---\n" + output.tail(TAIL_LINES);
    }

    private void awaitControlPipe(Duration timeout) {
        // xl2tpd creates the FIFO during start-up, before it logs "Listening"; this only double-checks.
        if (!output.await(() -> Files.exists(controlFile) || !process.isAlive(), timeout) || !Files.exists(controlFile)) {
            throw new AssertionError(describe() + ": control pipe " + controlFile + " missing" + tail());
        }
    }

    private static void mkfifo(Path path) throws IOException {
        try {
            Process p = new ProcessBuilder("mkfifo", "-m", "600", path.toString()).inheritIO().start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("mkfifo " + path + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp dir is harmless
        }
    }

    /** Settings for one xl2tpd; defaults give a working peer on a free port without tunnel authentication. */
    public static final class Builder {
        private final Role role;
        private final String lacName;
        private String hostname;
        private Optional<String> secret = Optional.empty();
        private Boolean challenge;
        private int listenPort;
        private String peerHost;
        private int peerPort;
        private boolean autodial;
        private boolean holdPppd;
        private String ipRange = "10.99.0.10-10.99.0.200";
        private String localIp = "10.99.0.1";
        private final List<String> pppOptions = new ArrayList<>(List.of("noauth", "nodefaultroute", "debug"));
        private final List<String> extraLines = new ArrayList<>();
        private Path workDir;
        private Duration startTimeout = DEFAULT_TIMEOUT;

        private Builder(Role role, String lacName) {
            this.role = role;
            this.lacName = lacName;
            this.hostname = role == Role.LNS ? "xl2tpd-lns" : "xl2tpd-lac";
        }

        /** Host Name AVP value. */
        public Builder hostname(String h) { this.hostname = h; return this; }

        /** Tunnel secret; also turns {@code challenge} on unless {@link #challenge(boolean)} says otherwise. */
        public Builder secret(String s) { this.secret = Optional.of(s); return this; }

        /** Whether xl2tpd challenges its peer (default: yes when a secret is set). */
        public Builder challenge(boolean c) { this.challenge = c; return this; }

        /** Local UDP port (default: a free one). */
        public Builder listenPort(int p) { this.listenPort = p; return this; }

        /** LAC: the LNS to dial. */
        public Builder peer(String host, int port) { this.peerHost = host; this.peerPort = port; return this; }

        /** LAC: dial as soon as xl2tpd starts. */
        public Builder autodial(boolean a) { this.autodial = a; return this; }

        /**
         * Keep this side's calls up: pppd blocks reading its options from a FIFO instead of exiting for
         * lack of kernel PPP, so only the peer (or {@link Xl2tpd#hangUp()}) ends the call.
         */
        public Builder holdPppd(boolean h) { this.holdPppd = h; return this; }

        /** LNS: "ip range" for pppd. */
        public Builder ipRange(String r) { this.ipRange = r; return this; }

        /** LNS: "local ip" for pppd. */
        public Builder localIp(String ip) { this.localIp = ip; return this; }

        /** Adds pppd options (one per line of the options file). */
        public Builder pppOption(String... lines) { pppOptions.addAll(List.of(lines)); return this; }

        /** Adds raw {@code key = value} lines to the lac/lns section (e.g. "hidden bit = yes"). */
        public Builder extra(String... lines) { extraLines.addAll(List.of(lines)); return this; }

        /** Parent of the instance's temporary directory (default: java.io.tmpdir). */
        public Builder workDir(Path d) { this.workDir = d; return this; }

        /** How long to wait for "Listening on ..." (default {@link #DEFAULT_TIMEOUT}). */
        public Builder startTimeout(Duration t) { this.startTimeout = t; return this; }

        /** The resulting settings, without starting anything. */
        public Xl2tpdConfig config() {
            int port = listenPort > 0 ? listenPort : FreePort.udp();
            return new Xl2tpdConfig(role, lacName, hostname, secret, challenge != null ? challenge : secret.isPresent(),
                    port, peerHost, peerPort, autodial, ipRange, localIp, pppOptions, holdPppd, extraLines);
        }

        /** Starts xl2tpd and returns once it listens and its control pipe exists. */
        public Xl2tpd start() throws IOException {
            Path base = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
            return Xl2tpd.start(config(), base, startTimeout);
        }
    }
}
