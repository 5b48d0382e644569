package net.vpdn.benchmarks.scenario;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * The Debian xl2tpd as an LNS on 127.0.0.1 for {@code xl2tpd-compare}: in the foreground, on a free port,
 * with its config, secrets, pid file and control pipe in the scenario's directory (nothing under /etc or
 * /var/run). Its pppd exits right after the ICCN here (no kernel PPP), so xl2tpd clears every call it
 * has just set up; the L2TP setup path up to the ICCN is what gets measured.
 */
final class Xl2tpdLns implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/xl2tpd");

    private final Process process;
    private final int port;

    private Xl2tpdLns(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code xl2tpd.conf}: one {@code [lns default]} for any LAC, tunnel authentication, no PPP authentication. */
    static String conf(int port, Path secrets, Path pppOptions, int sessions) {
        long last = (10L << 24 | 96L << 16) + Math.max(2, sessions) + 1;
        String range = "10.96.0.2-" + (last >>> 24) + "." + ((last >>> 16) & 255) + "." + ((last >>> 8) & 255) + "." + (last & 255);
        return """
                [global]
                listen-addr = 127.0.0.1
                port = %d
                auth file = %s
                access control = no

                [lns default]
                ip range = %s
                local ip = 10.96.0.1
                hostname = bench-xl2tpd
                challenge = yes
                require authentication = no
                length bit = yes
                pppoptfile = %s
                """.formatted(port, secrets, range, pppOptions);
    }

    /** The secrets file: any peer, any local name, the scenario's tunnel secret. */
    static String secrets(String secret) {
        return "* * " + secret + "\n";
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Starts xl2tpd in {@code dir}; returns once its log says it listens. */
    static Xl2tpdLns start(Path where, String secret, int sessions, Duration timeout) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(where).toAbsolutePath(); // xl2tpd runs in dir: its paths must not be relative
        int port;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = s.getLocalPort();
        }
        Path secrets = dir.resolve("l2tp-secrets");
        Files.writeString(secrets, "");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(secrets, secrets(secret));
        Path ppp = dir.resolve("options.ppp");
        Files.writeString(ppp, "noauth\nnodefaultroute\n");
        Path conf = dir.resolve("xl2tpd.conf");
        Files.writeString(conf, conf(port, secrets, ppp, sessions));
        Path log = dir.resolve("xl2tpd.log");
        Process p = new ProcessBuilder(BINARY.toString(), "-D", "-c", conf.toString(), "-p", dir.resolve("xl2tpd.pid").toString(),
                "-C", dir.resolve("l2tp-control").toString()).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Xl2tpdLns x = new Xl2tpdLns(p, port);
        long deadline = System.nanoTime() + timeout.toNanos();
        String listening = "Listening on IP address 127.0.0.1, port " + port;
        while (!Files.readString(log).contains(listening)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                x.close();
                throw new IOException("xl2tpd did not start listening on port " + port + ": see " + log);
            }
            Thread.sleep(100);
        }
        return x;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
