package net.vpdn.benchmarks.scenario;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * FreeRADIUS 3 for {@code ./vpdn bench radius}: the Debian configuration copied into the scenario's
 * directory, reduced to the modules PAP/CHAP need, one virtual server on two free loopback ports, the LNS
 * as its only client, and a users file with every subscriber of the run. Runs in the foreground
 * ({@code -f}) and is stopped on close.
 */
final class BenchRadius implements AutoCloseable {
    static final Path SYSTEM_RADDB = Path.of("/etc/freeradius/3.0");
    static final Path BINARY = Path.of("/usr/sbin/freeradius");
    static final String SECRET = "bench-radius-secret";
    private static final List<String> MODULES = List.of("always", "attr_filter", "chap", "expr", "files", "pap", "preprocess");

    private final Process process;
    final int authPort;
    final int acctPort;

    private BenchRadius(Process process, int authPort, int acctPort) {
        this.process = process;
        this.authPort = authPort;
        this.acctPort = acctPort;
    }

    static boolean available() {
        return Files.isExecutable(BINARY) && Files.isDirectory(SYSTEM_RADDB);
    }

    /** The users file: subscriber {@code i} of {@link BenchConfigs#user} with the scenario's password, as PPP. */
    static String users(int sessions, int tunnels) {
        StringBuilder b = new StringBuilder(96 * sessions);
        for (int i = 0; i < sessions; i++) {
            b.append('"').append(BenchConfigs.user(i, tunnels)).append("\"\tCleartext-Password := \"").append(BenchConfigs.PASSWORD)
                    .append("\"\n\tService-Type = Framed-User,\n\tFramed-Protocol = PPP\n\n");
        }
        return b.toString();
    }

    /** The one virtual server: auth and accounting on loopback, PAP and CHAP against the users file. */
    static String site(int authPort, int acctPort) {
        return """
                server bench {
                	listen {
                		type = auth
                		ipaddr = 127.0.0.1
                		port = %d
                	}
                	listen {
                		type = acct
                		ipaddr = 127.0.0.1
                		port = %d
                	}
                	authorize {
                		preprocess
                		chap
                		files
                		pap
                	}
                	authenticate {
                		Auth-Type PAP {
                			pap
                		}
                		Auth-Type CHAP {
                			chap
                		}
                	}
                	accounting {
                		ok
                	}
                	post-auth {
                		update reply {
                			Message-Authenticator := 0x00
                		}
                	}
                }
                """.formatted(authPort, acctPort);
    }

    static BenchRadius start(Path where, int sessions, int tunnels, Duration timeout) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(where).toAbsolutePath();
        Path raddb = dir.resolve("raddb");
        copyTree(SYSTEM_RADDB, raddb);
        int auth = freePort();
        int acct = freePort();
        Files.createDirectories(dir.resolve("log"));
        Path conf = raddb.resolve("radiusd.conf");
        Files.writeString(conf, Files.readString(conf)
                .replaceAll("(?m)^raddbdir = .*", "raddbdir = " + raddb)
                .replaceAll("(?m)^logdir = .*", "logdir = " + dir.resolve("log"))
                .replaceAll("(?m)^run_dir = .*", "run_dir = " + dir)
                .replaceAll("(?m)^pidfile = .*", "pidfile = " + dir.resolve("radiusd.pid"))
                .replaceAll("(?m)^\\s*(user|group) = freerad\\s*$", ""));
        try (Stream<Path> mods = Files.list(raddb.resolve("mods-enabled"))) {
            for (Path m : mods.toList()) if (!MODULES.contains(m.getFileName().toString())) Files.delete(m);
        }
        try (Stream<Path> sites = Files.list(raddb.resolve("sites-enabled"))) {
            for (Path s : sites.toList()) Files.delete(s);
        }
        Files.writeString(raddb.resolve("sites-enabled/bench"), site(auth, acct));
        Files.writeString(raddb.resolve("clients.conf"), "client lns {\n\tipaddr = 127.0.0.1\n\tsecret = " + SECRET + "\n}\n");
        Files.writeString(raddb.resolve("mods-config/files/authorize"), users(sessions, tunnels));
        Path log = dir.resolve("radius.log");
        Process p = new ProcessBuilder(BINARY.toString(), "-f", "-l", log.toString(), "-d", raddb.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("radius.out").toFile()).start();
        BenchRadius r = new BenchRadius(p, auth, acct);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(Files.exists(log) && Files.readString(log).contains("Ready to process requests"))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                r.close();
                throw new IOException("freeradius did not become ready: see " + log + " and " + dir.resolve("radius.out"));
            }
            Thread.sleep(100);
        }
        return r;
    }

    long pid() {
        return process.pid();
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
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

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
