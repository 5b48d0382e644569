package net.vpdn.lac.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.vpdn.admin.cli.AdminClient;
import net.vpdn.admin.cli.Ctl;
import net.vpdn.admin.cli.CtlException;
import net.vpdn.runtime.launch.VpdnChild;

/**
 * {@code ./vpdn demo [--once]}: the LNS and the LAC of {@code vpdn-config/examples} as two separate
 * processes on free loopback ports ({@link VpdnChild}, the launcher the end-to-end tests use too). The
 * LAC's emulator dials 100 subscribers of example.com (CHAP and PAP alternating; bob once, with his
 * static address), which reach IPCP through the tunnel and ping the LNS. While they hold their calls
 * the demo prints both sides' {@code show tunnels} / {@code show sessions}, then the LAC's summary, and
 * ends with {@code demo: <up>/<dialed> sessions up, <rate> setups/s}. With {@code --once} it stops both
 * processes (CDN and StopCCN on SIGTERM) and exits 0 only if every subscriber succeeded; without, it
 * stays up until Ctrl-C.
 */
public final class Demo {
    /** Subscribers the demo dials. */
    public static final int SUBSCRIBERS = 100;
    static final String RATE = "100/s";
    static final String HOLD = "4s";
    static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final Pattern SUMMARY = Pattern.compile(
            "^vpdn lac summary: (\\d+) subscribers, (\\d+) reported, (\\d+) reached IPCP, (\\d+) succeeded.*");
    private static final Pattern RATE_LINE = Pattern.compile("^setup rate: ([0-9.]+) setups/s.*");

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** Runs the demo; the exit status. */
    public static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        boolean once = false;
        Path examples = Path.of("vpdn-config/examples");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--once" -> once = true;
                case "--examples" -> examples = Path.of(args[++i]);
                default -> {
                    out.println("demo: unknown argument '" + args[i] + "' (--once, --examples DIR)");
                    return 2;
                }
            }
        }
        Path dir = Files.createTempDirectory("vpdn-demo");
        List<String> free = List.of("--set", "l2tp.listen-port=0", "--set", "admin.port=0", "--set", "metrics.port=0");
        try (VpdnChild lns = VpdnChild.start(VpdnChild.Spec.lns(concat(List.of("--config",
                examples.resolve("lns.yaml").toString()), free), dir.resolve("lns.log")))) {
            VpdnChild.Ready lnsReady = lns.awaitReady(START_LIMIT);
            out.println(lns.output().getFirst());
            int port = lnsReady.l2tp().getPort();
            List<String> lacArgs = new ArrayList<>(List.of("--config", examples.resolve("lac.yaml").toString()));
            lacArgs.addAll(free);
            lacArgs.addAll(List.of("--set", "vpdn-groups.0.initiate-to.0.port=" + port,
                    "--set", "vpdn-groups.1.initiate-to.0.port=" + port));
            lacArgs.addAll(subscribers(once));
            try (VpdnChild lac = VpdnChild.start(VpdnChild.Spec.lac(lacArgs, dir.resolve("lac.log")))) {
                VpdnChild.Ready lacReady = lac.awaitReady(START_LIMIT);
                out.println(lac.output().getFirst());
                out.println("metrics: LNS " + lnsReady.metricsUrl().map(u -> u + "/metrics").orElse("off")
                        + ", LAC " + lacReady.metricsUrl().map(u -> u + "/metrics").orElse("off"));
                awaitSessions(lacReady, SUBSCRIBERS / 2);
                showTables(out, "lac", lacReady);
                showTables(out, "lns", lnsReady);
                lac.awaitLine(l -> l.startsWith("result: "), Duration.ofSeconds(90), "its summary");
                out.println();
                lac.output().stream().filter(l -> !l.startsWith("vpdn lac ready: ")).forEach(out::println);
                Outcome outcome = outcome(lac.output());
                if (!once) {
                    out.println("demo: " + outcome.line());
                    out.println("the LNS and the LAC stay up (logs in " + dir + "); Ctrl-C stops both");
                    awaitInterrupt(lac, lns);
                    return 0;
                }
                int status = lac.waitFor(Duration.ofSeconds(30)).orElse(1);
                lns.close();
                out.println();
                out.println("vpdn demo: both processes stopped (CDN and StopCCN sent on SIGTERM)");
                out.println("demo: " + outcome.line());
                return status == 0 && outcome.allUp() ? 0 : 1;
            }
        } catch (IllegalStateException e) {
            out.println("vpdn demo: " + e.getMessage());
            out.println("demo: 0/" + SUBSCRIBERS + " sessions up, 0.0 setups/s");
            return 1;
        } finally {
            deleteTree(dir, once);
        }
    }

    /**
     * The emulator's options: bob once (his static address, session limit 1), alice for the rest (pool
     * addresses), CHAP and PAP alternating, holding each call so the tables show them.
     */
    static List<String> subscribers(boolean once) {
        List<String> a = new ArrayList<>(List.of("--user", "bob@example.com:bob-demo-password"));
        for (int i = 1; i < SUBSCRIBERS; i++) {
            a.addAll(List.of("--user", "alice@example.com:alice-demo-password"));
        }
        a.addAll(List.of("--subscribers", Integer.toString(SUBSCRIBERS), "--auth", "chap,pap", "--rate", RATE,
                "--pings", "3", "--hold", HOLD));
        if (once) a.add("--once");
        return a;
    }

    /** What the LAC's summary says: subscribers dialled, those that reached IPCP, the setup rate. */
    record Outcome(int dialled, int up, int succeeded, double rate) {
        String line() {
            return String.format(java.util.Locale.ROOT, "%d/%d sessions up, %.1f setups/s", up, dialled, rate);
        }

        boolean allUp() {
            return dialled > 0 && succeeded == dialled;
        }
    }

    static Outcome outcome(List<String> lines) {
        int dialled = 0;
        int up = 0;
        int ok = 0;
        double rate = 0;
        for (String l : lines) {
            Matcher m = SUMMARY.matcher(l);
            if (m.matches()) {
                dialled = Integer.parseInt(m.group(1));
                up = Integer.parseInt(m.group(3));
                ok = Integer.parseInt(m.group(4));
            }
            Matcher r = RATE_LINE.matcher(l);
            if (r.matches()) rate = Double.parseDouble(r.group(1));
        }
        return new Outcome(dialled, up, ok, rate);
    }

    /** Waits (bounded) until the LAC's admin API shows {@code n} sessions, so the tables show calls that are up. */
    private static void awaitSessions(VpdnChild.Ready lac, int n) throws InterruptedException {
        Optional<String> url = lac.adminUrl();
        if (url.isEmpty()) return;
        AdminClient client = new AdminClient(URI.create(url.get()), null);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() - deadline < 0) {
            try {
                if (client.sessions().sessions().size() >= n) return;
            } catch (CtlException e) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static void showTables(PrintStream out, String side, VpdnChild.Ready ready) {
        Optional<String> url = ready.adminUrl();
        if (url.isEmpty()) return;
        for (String what : List.of("tunnels", "sessions")) {
            out.println();
            out.println("== " + side + ": show " + what);
            PrintWriter w = new PrintWriter(out, true, StandardCharsets.UTF_8);
            List<String> tableLines = new ArrayList<>();
            java.io.StringWriter buffer = new java.io.StringWriter();
            Ctl.run(new String[] {"--url", url.get(), "show", what}, Map.of(), new PrintWriter(buffer, true), w);
            buffer.toString().lines().forEach(tableLines::add);
            int shown = Math.min(tableLines.size(), 12);
            tableLines.subList(0, shown).forEach(out::println);
            if (tableLines.size() > shown) out.println("... " + (tableLines.size() - shown) + " more rows");
        }
    }

    /** Blocks until the JVM is asked to stop; the hook stops the LAC, then the LNS, with SIGTERM. */
    private static void awaitInterrupt(VpdnChild lac, VpdnChild lns) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            lac.close();
            lns.close();
            stop.countDown();
        }, "vpdn-demo-stop"));
        stop.await();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void deleteTree(Path dir, boolean once) {
        if (!once) return; // the running demo's logs stay for the operator to read
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
