package net.vpdn.benchmarks.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.vpdn.runtime.launch.VpdnChild;

/**
 * {@code ./vpdn bench storm}: N subscribers up through one LAC process, then that process killed (SIGKILL,
 * as a LAC that loses power: no CDN, no StopCCN) and a fresh LAC started at once that redials all N as
 * fast as it can. Measured: the time from the kill until the new LAC has N sessions established, its
 * setups per second, how long the LNS takes to find the dead tunnels (HELLO unanswered), and that once
 * the second LAC has hung up, nothing is left on the LNS. The LNS's pool holds 2N addresses: the dead
 * LAC's sessions keep theirs until their tunnels are found dead.
 */
final class Storm {
    private static final Duration POLL = Duration.ofMillis(250);

    private Storm() {
    }

    static void run(ScenarioOptions o, Map<String, Object> r) throws Exception {
        Path lnsYaml = o.out().resolve("lns.yaml");
        Files.writeString(lnsYaml, BenchConfigs.lns(o));
        try (VpdnChild lns = VpdnChild.start(VpdnChild.Spec.lns(List.of("--config", lnsYaml.toString()), o.out().resolve("lns.log"))
                .withJvmOptions(List.of("-Xmx" + o.lnsHeap(), "-Xms" + o.lnsHeap())).withEnv(Scenarios.QUIET))) {
            var ready = lns.awaitReady(Duration.ofSeconds(120));
            String metrics = ready.metricsUrl().orElseThrow();
            Probe.Histogram base = Probe.histogram(lns.pid(), o.out().resolve("lns-histogram-before.txt"));
            Path lacYaml = o.out().resolve("lac.yaml");
            Files.writeString(lacYaml, BenchConfigs.lac(o, ready.l2tp().getPort()));
            Duration ramp = Duration.ofSeconds(60 + o.sessions() / 100);
            long t0 = System.nanoTime();
            try (VpdnChild first = lac(o, lacYaml, "lac1", 3600)) {
                long up = awaitEstablished(first.awaitReady(Duration.ofSeconds(120)).metricsUrl().orElseThrow(), o.sessions(), ramp);
                r.put("first_ramp_established", up);
                r.put("first_ramp_s", (System.nanoTime() - t0) / 1e9);
                ProcessHandle.of(first.pid()).ifPresent(ProcessHandle::destroyForcibly);
                first.waitFor(Duration.ofSeconds(10));
            }
            long killed = System.nanoTime();
            System.err.printf("vpdn bench: first LAC killed with %d sessions up; redialling all%n", r.get("first_ramp_established"));
            try (VpdnChild second = lac(o, lacYaml, "lac2", o.holdSeconds())) { // each call held H s after its own IPCP
                String lacMetrics = second.awaitReady(Duration.ofSeconds(120)).metricsUrl().orElseThrow();
                long started = System.nanoTime();
                long back = awaitEstablished(lacMetrics, o.sessions(), ramp);
                long allBack = System.nanoTime();
                r.put("storm_redialled_established", back);
                r.put("all_established", back >= o.sessions());
                r.put("storm_kill_to_all_back_s", (allBack - killed) / 1e9);
                r.put("storm_setups_per_s", back / ((allBack - started) / 1e9));
                r.put("lns_dead_tunnels_cleared_s", awaitSessionsAtMost(metrics, back, Duration.ofSeconds(180), killed));
                second.waitFor(Duration.ofSeconds(o.holdSeconds() + ramp.toSeconds() + 60));
                Scenarios.setups(r, o.out().resolve("subscribers-lac2.tsv"));
                Files.write(o.out().resolve("lac2.out"), second.output());
            }
            Scenarios.leaks(o, r, lns, metrics, base);
        }
    }

    private static VpdnChild lac(ScenarioOptions o, Path lacYaml, String name, int holdSeconds) throws Exception {
        List<String> args = new ArrayList<>(List.of("--config", lacYaml.toString()));
        args.addAll(BenchConfigs.emulator(o, o.out().resolve("subscribers-" + name + ".tsv").toString(), holdSeconds));
        return VpdnChild.start(VpdnChild.Spec.lac(args, o.out().resolve(name + ".log"))
                .withJvmOptions(List.of("-Xmx" + o.lacHeap())).withEnv(Scenarios.QUIET));
    }

    /** Polls a process's established-session gauge until it reaches {@code n} or the limit passes; the last value. */
    private static long awaitEstablished(String metrics, int n, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        long last = System.nanoTime();
        long now = 0;
        while (System.nanoTime() < deadline) {
            now = (long) Prometheus.scrape(metrics).sum("vpdn_l2tp_sessions", "state=\"established\"");
            if (now >= n) break;
            if (System.nanoTime() - last > 5_000_000_000L) {
                System.err.printf("vpdn bench: %d sessions established%n", now);
                last = System.nanoTime();
            }
            Thread.sleep(POLL.toMillis());
        }
        return now;
    }

    /** Seconds from {@code since} until the LNS holds no more than {@code n} sessions (the dead LAC's gone); -1 if never. */
    private static double awaitSessionsAtMost(String metrics, long n, Duration limit, long since) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Prometheus.scrape(metrics).sum("vpdn_l2tp_sessions") <= n) return (System.nanoTime() - since) / 1e9;
            Thread.sleep(POLL.toMillis());
        }
        return -1;
    }
}
