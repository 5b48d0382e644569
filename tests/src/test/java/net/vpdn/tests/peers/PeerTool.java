package net.vpdn.tests.peers;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The external programs the real-peer tests need, found on PATH or in the sbin directories. */
public enum PeerTool {
    /** The L2TP daemon, Debian package {@code xl2tpd}. */
    XL2TPD("xl2tpd", "xl2tpd"),
    /** The PPP daemon xl2tpd starts for each call, Debian package {@code ppp}. */
    PPPD("pppd", "ppp"),
    /** Wireshark's command line, Debian package {@code tshark}. */
    TSHARK("tshark", "tshark"),
    /** Wireshark's capture engine, used directly for live captures (comes with {@code tshark}). */
    DUMPCAP("dumpcap", "tshark"),
    /** The RADIUS server the end-to-end tests start on loopback (the aaa test-jar's FreeRadiusServer runs it). */
    FREERADIUS("freeradius", "freeradius"),
    /** The Prometheus server, Debian package {@code prometheus}. */
    PROMETHEUS("prometheus", "prometheus"),
    /** Prometheus's checker ({@code promtool check metrics}), in the same package. */
    PROMTOOL("promtool", "prometheus"),
    /** Compose v1 ({@code docker-compose config} parses and validates a compose file without an engine). */
    DOCKER_COMPOSE("docker-compose", "docker-compose");

    private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/usr/local/sbin");

    private final String command;
    private final String debianPackage;

    PeerTool(String command, String debianPackage) {
        this.command = command;
        this.debianPackage = debianPackage;
    }

    /** The Debian package that provides the tool. */
    public String debianPackage() {
        return debianPackage;
    }

    /** The executable, if installed. */
    public Optional<Path> find() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(EXTRA_DIRS);
        return dirs.stream()
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The executable; fails with the package to install when it is missing. */
    public Path require() {
        return find().orElseThrow(() -> new IllegalStateException(
                command + " not found on PATH or in " + EXTRA_DIRS + " (apt-get install " + debianPackage + ")"));
    }
}
