package net.vpdn.tests.radius;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import net.vpdn.aaa.radius.FreeRadiusServer;

/**
 * Helpers around the real FreeRADIUS tools: {@code radclient} for Disconnect-Requests and the
 * accounting detail file read as records. Missing tools skip the test, or fail it under
 * {@code VPDN_REQUIRE_REAL_PEERS=1} (the rule {@link FreeRadiusServer#assumeInstalled} follows).
 */
final class RadiusPeers {
    static final Path RADCLIENT = Path.of("/usr/bin/radclient");
    private static final Duration DETAIL_WAIT = Duration.ofSeconds(10);

    private RadiusPeers() {
    }

    /** Skips (or fails when real peers are required) unless freeradius and radclient are installed. */
    static void assumeInstalled() {
        FreeRadiusServer.assumeInstalled();
        boolean installed = Files.isExecutable(RADCLIENT);
        if (!installed && "1".equals(System.getenv("VPDN_REQUIRE_REAL_PEERS"))) {
            throw new AssertionError("radclient is not installed but VPDN_REQUIRE_REAL_PEERS=1 (apt-get install freeradius-utils)");
        }
        assumeTrue(installed, "radclient is not installed (apt-get install freeradius-utils); skipping");
    }

    /** Sends one Disconnect-Request with {@code attributes} to 127.0.0.1:{@code port}; radclient's output. */
    static String disconnect(int port, String secret, String attributes) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(RADCLIENT.toString(), "-x", "-r", "1", "-t", "3", "127.0.0.1:" + port,
                "disconnect", secret).redirectErrorStream(true).start();
        p.getOutputStream().write((attributes + "Message-Authenticator = 0x00\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }

    /** The detail file's records (attribute → value, first occurrence) written after {@code offset} characters. */
    static List<Map<String, String>> records(FreeRadiusServer server, int offset) throws IOException {
        String detail = server.detail();
        List<Map<String, String>> out = new ArrayList<>();
        for (String block : detail.substring(Math.min(offset, detail.length())).split("\n\\s*\n")) {
            Map<String, String> attrs = new LinkedHashMap<>();
            for (String line : block.split("\n")) {
                int eq = line.indexOf(" = ");
                if (line.startsWith("\t") && eq > 0) {
                    attrs.putIfAbsent(line.substring(0, eq).trim(), unquote(line.substring(eq + 3).trim()));
                }
            }
            if (!attrs.isEmpty()) {
                out.add(attrs);
            }
        }
        return out;
    }

    /**
     * The first record after {@code offset} that {@code wanted} accepts. FreeRADIUS writes the file
     * from its own process, so there is no event to wait on: the file is polled, bounded by 10 s.
     */
    static Map<String, String> awaitRecord(FreeRadiusServer server, int offset, Predicate<Map<String, String>> wanted)
            throws IOException {
        long deadline = System.nanoTime() + DETAIL_WAIT.toNanos();
        while (true) {
            for (Map<String, String> r : records(server, offset)) {
                if (wanted.test(r)) {
                    return r;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no such accounting record within " + DETAIL_WAIT + "; detail has "
                        + records(server, offset));
            }
            LockSupport.parkNanos(Duration.ofMillis(25).toNanos());
        }
    }

    /** A record of {@code status} (Start, Stop) for {@code acctSessionId}. */
    static Predicate<Map<String, String>> record(String status, String acctSessionId) {
        return r -> status.equals(r.get("Acct-Status-Type")) && acctSessionId.equals(r.get("Acct-Session-Id"));
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
