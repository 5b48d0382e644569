package net.vpdn.benchmarks.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.vpdn.runtime.launch.VpdnChild;

/**
 * {@code ./vpdn bench xl2tpd-compare}: the same L2TP-only control load ({@link L2tpLoad}: T tunnels, then
 * N calls, SCCRQ..ICCN, no PPP) first against xl2tpd as LNS, then against our LNS, each on a fresh
 * process; L2TP session setups per second of both and ours divided by xl2tpd's.
 */
final class Xl2tpdCompare {
    private Xl2tpdCompare() {
    }

    static void run(ScenarioOptions o, Map<String, Object> r) throws Exception {
        Duration timeout = Duration.ofSeconds(60 + o.sessions() / 50);
        r.put("in_flight", o.inFlight());
        if (o.against().equals("vpdn")) {
            r.put("xl2tpd", "not run (--against vpdn)");
        } else if (Xl2tpdLns.available()) {
            try (Xl2tpdLns x = Xl2tpdLns.start(o.out().resolve("xl2tpd"), BenchConfigs.TUNNEL_SECRET, o.sessions(), Duration.ofSeconds(10));
                 L2tpLoad load = L2tpLoad.start()) {
                double cpu = Probe.cpuSeconds(x.pid());
                load.openTunnels(x.address(), o.tunnels(), BenchConfigs.TUNNEL_SECRET, Duration.ofSeconds(30));
                L2tpLoad.Result res = load.run(o.sessions(), o.inFlight(), timeout);
                put(r, "xl2tpd", res, o.sessions());
                r.put("xl2tpd_cpu_s_excl_pppd", Probe.cpuSeconds(x.pid()) - cpu);
            }
        } else {
            r.put("xl2tpd", "not installed (" + Xl2tpdLns.BINARY + ")");
        }
        if (o.against().equals("xl2tpd")) return;
        Path lnsYaml = o.out().resolve("lns.yaml");
        Files.writeString(lnsYaml, BenchConfigs.lns(o));
        try (VpdnChild lns = VpdnChild.start(VpdnChild.Spec.lns(List.of("--config", lnsYaml.toString()), o.out().resolve("lns.log"))
                .withJvmOptions(List.of("-Xmx" + o.lnsHeap(), "-Xms" + o.lnsHeap())).withEnv(Map.of("VPDN_LOG_LEVEL", "WARN")));
             L2tpLoad load = L2tpLoad.start()) {
            var ready = lns.awaitReady(Duration.ofSeconds(120));
            double cpu = Probe.cpuSeconds(lns.pid());
            load.openTunnels(ready.l2tp(), o.tunnels(), BenchConfigs.TUNNEL_SECRET, Duration.ofSeconds(30));
            L2tpLoad.Result res = load.run(o.sessions(), o.inFlight(), timeout);
            put(r, "vpdn", res, o.sessions());
            r.put("vpdn_lns_cpu_s", Probe.cpuSeconds(lns.pid()) - cpu);
        }
        Object ours = r.get("vpdn_setups_per_s");
        Object theirs = r.get("xl2tpd_setups_per_s");
        if (ours instanceof Double a && theirs instanceof Double b && b > 0) r.put("ratio_vpdn_to_xl2tpd", a / b);
        r.put("all_established", Integer.valueOf(o.sessions()).equals(r.get("vpdn_established")));
    }

    private static void put(Map<String, Object> r, String side, L2tpLoad.Result res, int calls) {
        r.put(side + "_established", res.established());
        r.put(side + "_refused", res.refused());
        r.put(side + "_unanswered_at_timeout", calls - res.established() - res.refused());
        r.put(side + "_seconds", res.seconds());
        r.put(side + "_setups_per_s", res.setupsPerSecond());
        System.err.printf("vpdn bench: %s: %d calls established, %d refused, %.2f s, %.0f setups/s%n", side, res.established(),
                res.refused(), res.seconds(), res.setupsPerSecond());
    }
}
