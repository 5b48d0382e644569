package net.vpdn.tests.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the interop lab ({@code shared/interop}: {@code build-vm.sh}, {@code run-vm.sh}, guest scenarios) and its
 * artifacts live, what this host lacks to run it, and the one {@code build-vm.sh} run per test JVM.
 */
public final class Lab {
    /** Overrides the lab's location (default: {@code ../shared/interop} next to the repository clone). */
    public static final String HOME_ENV = "VPDN_INTEROP_HOME";
    /** The lab's artifact directory (run dirs, VM image), as {@code common.sh} reads it. */
    public static final String DIR_ENV = "VPDN_INTEROP_DIR";
    private static final Path DEFAULT_DIR = Path.of("/var/tmp/vpdn-interop");
    private static final long BUILD_TIMEOUT_SECONDS = 600;
    private static volatile Boolean built;

    private Lab() {
    }

    /**
     * The lab's scripts. Tests run with the {@code tests} module as working directory, so the
     * repository root is {@code ..} and the lab sits beside the clone at {@code ../../shared/interop}.
     */
    public static Path home() {
        String env = System.getenv(HOME_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        Path repoRoot = Path.of("..").toAbsolutePath().normalize();
        for (Path dir = repoRoot.getParent(); dir != null; dir = dir.getParent()) {
            Path lab = dir.resolve("shared/interop");
            if (Files.isDirectory(lab)) {
                return lab;
            }
        }
        return repoRoot.resolveSibling("shared/interop");
    }

    /** {@code $VPDN_INTEROP_DIR}, default {@code /var/tmp/vpdn-interop}. */
    public static Path artifacts() {
        String env = System.getenv(DIR_ENV);
        return env != null && !env.isBlank() ? Path.of(env) : DEFAULT_DIR;
    }

    /** The run directory {@code run-vm.sh --name NAME} uses. */
    public static Path runDir(String name) {
        return artifacts().resolve("runs").resolve(name);
    }

    /** What this host lacks to boot the lab's guest (empty when nothing). */
    public static List<String> missing() {
        List<String> missing = new ArrayList<>();
        Path home = home();
        if (!Files.isExecutable(home.resolve("run-vm.sh")) || !Files.isExecutable(home.resolve("build-vm.sh"))) {
            missing.add("the interop lab (no run-vm.sh/build-vm.sh in " + home + "; set " + HOME_ENV + ")");
        }
        if (onPath("qemu-system-x86_64").isEmpty()) {
            missing.add("qemu-system-x86_64 (apt-get install qemu-system-x86, or run build-vm.sh, which installs it)");
        }
        if (onPath("tshark").isEmpty()) {
            missing.add("tshark (apt-get install tshark)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            missing.add("root (build-vm.sh installs packages; the guest's 9p share writes as root)");
        }
        String pretend = System.getProperty("vpdn.lab.pretendMissing", "");
        if (!pretend.isBlank()) {
            missing.add(pretend + " (pretended by -Dvpdn.lab.pretendMissing)");
        }
        return missing;
    }

    /**
     * Runs {@code build-vm.sh} once per JVM (it is cached by the lab, ~1 s when up to date) with its output on this
     * JVM's stdout, i.e. in the test log. Fails when the build fails.
     */
    public static synchronized void ensureBuilt() throws IOException, InterruptedException {
        if (built != null) {
            if (!built) {
                throw new AssertionError("build-vm.sh failed earlier in this JVM; see the test log");
            }
            return;
        }
        built = false;
        ProcessBuilder pb = new ProcessBuilder("bash", home().resolve("build-vm.sh").toString()).redirectErrorStream(true);
        Process p = pb.start();
        LabVm.LIVE.add(p);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                System.out.println("[build-vm] " + line);
            }
        }
        boolean done = p.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        LabVm.LIVE.remove(p);
        if (!done || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("build-vm.sh failed (" + (done ? "exit " + p.exitValue() : "timeout") + ")");
        }
        built = true;
    }

    private static Optional<Path> onPath(String command) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/bin", "/usr/sbin", "/usr/local/bin"));
        return dirs.stream().filter(d -> !d.isBlank()).map(d -> Path.of(d, command)).filter(Files::isExecutable)
                .findFirst();
    }
}
