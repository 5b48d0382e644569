package net.vpdn.aaa.radius;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A real FreeRADIUS 3 for tests: a copy of /etc/freeradius/3.0 in a temporary directory with our
 * own site (auth + acct on free loopback ports), client and users, run in the foreground and
 * stopped on close. Skipped when freeradius is not installed, unless VPDN_REQUIRE_REAL_PEERS=1.
 */
public final class FreeRadiusServer implements AutoCloseable {
    static final Path SYSTEM_RADDB = Path.of("/etc/freeradius/3.0");
    static final Path BINARY = Path.of("/usr/sbin/freeradius");
    private static final Duration START_DEADLINE = Duration.ofSeconds(20);
    private static final List<String> MODULES = List.of("always", "attr_filter", "chap", "detail", "expr", "files", "mschap", "pap", "preprocess");

    public final Path dir;
    public final int authPort;
    public final int acctPort;
    public final String secret;
    private final Process process;

    private FreeRadiusServer(Path dir, int authPort, int acctPort, String secret, Process process) {
        this.dir = dir;
        this.authPort = authPort;
        this.acctPort = acctPort;
        this.secret = secret;
        this.process = process;
    }

    /** Skips the calling test (or fails it under VPDN_REQUIRE_REAL_PEERS=1) when FreeRADIUS is missing. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(BINARY) && Files.isDirectory(SYSTEM_RADDB);
        if (!installed && "1".equals(System.getenv("VPDN_REQUIRE_REAL_PEERS"))) {
            throw new AssertionError("freeradius is not installed but VPDN_REQUIRE_REAL_PEERS=1 (apt-get install freeradius freeradius-utils)");
        }
        assumeTrue(installed, "freeradius is not installed (apt-get install freeradius freeradius-utils); skipping the real-RADIUS tests");
    }

    /** Starts a server whose users file is {@code users}; returns once it logs that it is ready. */
    public static FreeRadiusServer start(String secret, String users) throws IOException {
        assumeInstalled();
        Path dir = Files.createTempDirectory("vpdn-freeradius");
        Path raddb = dir.resolve("raddb");
        copyTree(SYSTEM_RADDB, raddb);
        int authPort = freeUdpPort();
        int acctPort = freeUdpPort();
        configure(dir, raddb, authPort, acctPort, secret, users);
        Path log = dir.resolve("radius.log");
        Process p = new ProcessBuilder(BINARY.toString(), "-f", "-l", log.toString(), "-d", raddb.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("radius.out").toFile()).start();
        FreeRadiusServer server = new FreeRadiusServer(dir, authPort, acctPort, secret, p);
        server.awaitReady(log);
        return server;
    }

    private void awaitReady(Path log) throws IOException {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (Files.exists(log) && Files.readString(log).contains("Ready to process requests")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("freeradius exited: " + tail());
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        close();
        throw new IllegalStateException("freeradius not ready within " + START_DEADLINE + ": " + tail());
    }

    /** The accounting detail file's content ("" before the first record). */
    public String detail() throws IOException {
        Path detail = dir.resolve("acct/detail");
        return Files.exists(detail) ? Files.readString(detail) : "";
    }

    String tail() {
        try {
            String out = Files.readString(dir.resolve("radius.out")) + (Files.exists(dir.resolve("radius.log")) ? Files.readString(dir.resolve("radius.log")) : "");
            return out.length() > 3000 ? out.substring(out.length() - 3000) : out;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void configure(Path dir, Path raddb, int authPort, int acctPort, String secret, String users) throws IOException {
        Files.createDirectories(dir.resolve("log"));
        Files.createDirectories(dir.resolve("acct"));
        Path conf = raddb.resolve("radiusd.conf");
        String radiusd = Files.readString(conf)
                .replaceAll("(?m)^raddbdir = .*", "raddbdir = " + raddb)
                .replaceAll("(?m)^logdir = .*", "logdir = " + dir.resolve("log"))
                .replaceAll("(?m)^radacctdir = .*", "radacctdir = " + dir.resolve("acct"))
                .replaceAll("(?m)^run_dir = .*", "run_dir = " + dir)
                .replaceAll("(?m)^pidfile = .*", "pidfile = " + dir.resolve("radiusd.pid"))
                .replaceAll("(?m)^\\s*(user|group) = freerad\\s*$", "");
        Files.writeString(conf, radiusd);
        try (Stream<Path> mods = Files.list(raddb.resolve("mods-enabled"))) {
            for (Path m : mods.toList()) {
                if (!MODULES.contains(m.getFileName().toString())) {
                    Files.delete(m);
                }
            }
        }
        Path detail = raddb.resolve("mods-available/detail");
        Files.writeString(detail, Files.readString(detail).replaceAll("(?m)^\\s*filename = .*", "\tfilename = \\${radacctdir}/detail"));
        try (Stream<Path> sites = Files.list(raddb.resolve("sites-enabled"))) {
            for (Path s : sites.toList()) {
                Files.delete(s);
            }
        }
        String site = new String(FreeRadiusServer.class.getResourceAsStream("/freeradius/site-vpdn").readAllBytes(), StandardCharsets.UTF_8)
                .replace("@AUTH_PORT@", Integer.toString(authPort)).replace("@ACCT_PORT@", Integer.toString(acctPort));
        Files.writeString(raddb.resolve("sites-enabled/vpdn"), site);
        Files.writeString(raddb.resolve("clients.conf"), "client localhost {\n\tipaddr = 127.0.0.1\n\tsecret = " + secret + "\n}\n");
        Files.writeString(raddb.resolve("mods-config/files/authorize"), users);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
