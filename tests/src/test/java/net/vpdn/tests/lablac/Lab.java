package net.vpdn.tests.lablac;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.vpdn.tests.peers.PeerTool;
import net.vpdn.tests.peers.RealPeersExtension;
import net.vpdn.tests.peers.RealPeersExtension.Decision;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the interop lab lives and whether it can run here. The lab is found at
 * {@code $VPDN_INTEROP_HOME}, else as {@code shared/interop} next to an ancestor of the working
 * directory (CI: {@code ../../shared/interop} from the tests module). Its artifacts are under
 * {@code $VPDN_INTEROP_DIR} (default {@code /var/tmp/vpdn-interop}).
 *
 * @param home      the lab's directory (run-vm.sh, guest/)
 * @param artifacts the artifacts directory (vm/, runs/)
 */
public record Lab(Path home, Path artifacts) {
    /** The environment variable that names the lab's directory. */
    public static final String HOME_ENV = "VPDN_INTEROP_HOME";

    /** run-vm.sh. */
    public Path runVm() {
        return home.resolve("run-vm.sh");
    }

    /** The runs directory, one sub-directory per guest run. */
    public Path runsDir() {
        return artifacts.resolve("runs");
    }

    /**
     * The lab, or a skip (JUnit assumption) naming what is missing; a failure instead when
     * {@code VPDN_REQUIRE_REAL_PEERS=1}.
     */
    public static Lab require() {
        Optional<Path> home = locate();
        List<String> missing = new ArrayList<>();
        if (home.isEmpty()) {
            missing.add("the interop lab (shared/interop/run-vm.sh; set " + HOME_ENV + ")");
        }
        if (!onPath("qemu-system-x86_64")) missing.add("qemu-system-x86_64 (apt-get install qemu-system-x86)");
        if (PeerTool.TSHARK.find().isEmpty()) missing.add("tshark (apt-get install tshark)");
        if (!"root".equals(System.getProperty("user.name"))) missing.add("root (the lab's build and captures need it)");
        String env = System.getenv(RealPeersExtension.REQUIRE_ENV);
        boolean required = "1".equals(env) || "true".equalsIgnoreCase(env);
        switch (RealPeersExtension.decide(missing, required)) {
            case Decision.Fail f -> throw new AssertionError(f.reason());
            case Decision.Skip s -> Assumptions.abort(s.reason());
            case Decision.Run r -> { }
        }
        String dir = System.getenv().getOrDefault("VPDN_INTEROP_DIR", "/var/tmp/vpdn-interop");
        return new Lab(home.orElseThrow(), Path.of(dir));
    }

    static Optional<Path> locate() {
        String env = System.getenv(HOME_ENV);
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            return Files.isRegularFile(p.resolve("run-vm.sh")) ? Optional.of(p) : Optional.empty();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("shared").resolve("interop");
            if (Files.isRegularFile(p.resolve("run-vm.sh"))) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isBlank() && Files.isExecutable(Path.of(d, command))) return true;
        }
        return false;
    }
}
