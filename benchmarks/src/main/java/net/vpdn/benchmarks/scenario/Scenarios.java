package net.vpdn.benchmarks.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.vpdn.runtime.launch.VpdnChild;

/**
 * {@code ./vpdn bench SCENARIO}: an LNS and a LAC (the subscriber emulator as load generator) as separate
 * processes on loopback, driven through a ramp; the LNS's cost per session measured from outside
 * ({@link Probe}) and its counters read from {@code /metrics}; a JSON result and a markdown table.
 */
public final class Scenarios {
    private static final Duration POLL = Duration.ofSeconds(1); // a scrape walks every session on the LNS loop

    private Scenarios() {
    }

    public static void main(String[] args) throws Exception {
        ScenarioOptions o;
        try {
            o = ScenarioOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("vpdn bench: " + e.getMessage());
            System.err.print(ScenarioOptions.USAGE);
            System.exit(2);
            return;
        }
        Map<String, Object> result = run(o, String.join(" ", args));
        Files.writeString(o.out().resolve("result.json"), ResultWriter.json(result));
        String md = ResultWriter.markdown(o.scenario() + " (" + result.get("date") + ")", result);
        Files.writeString(o.out().resolve("result.md"), md);
        System.out.println(md);
        System.out.println("vpdn bench: results in " + o.out().toAbsolutePath());
        System.exit(Boolean.TRUE.equals(result.get("all_established")) ? 0 : 1);
    }

    static Map<String, Object> run(ScenarioOptions o, String command) throws Exception {
        Files.createDirectories(o.out());
        Map<String, Object> r = parameters(o, command);
        if (o.scenario().equals("xl2tpd-compare")) {
            Xl2tpdCompare.run(o, r);
            return r;
        }
        if (o.scenario().equals("storm")) {
            Storm.run(o, r);
            return r;
        }
        System.err.println("vpdn bench: measuring the loopback UDP forwarding ceiling (2 s)");
        r.put("udp_loopback_forwarding_pps", UdpCeiling.forwardingRate(Duration.ofSeconds(2)));
        if (!o.scenario().equals("radius")) return withLns(o, r, BenchConfigs.lns(o));
        if (!BenchRadius.available()) throw new IllegalStateException("radius: FreeRADIUS 3 is not installed (" + BenchRadius.BINARY + ")");
        try (BenchRadius radius = BenchRadius.start(o.out().resolve("freeradius"), o.sessions(), o.tunnels(), Duration.ofSeconds(60))) {
            double cpu = Probe.cpuSeconds(radius.pid());
            withLns(o, r, BenchConfigs.lnsWithRadius(o, radius.authPort, radius.acctPort));
            r.put("freeradius_cpu_s", Probe.cpuSeconds(radius.pid()) - cpu);
            r.put("freeradius_udp_socket_drops", Probe.udpSocketDrops(radius.pid()));
        }
        return r;
    }

    private static Map<String, Object> withLns(ScenarioOptions o, Map<String, Object> r, String lnsConfig) throws Exception {
        long rcvbufBefore = Probe.udpReceiveBufferErrors();
        Path lnsYaml = o.out().resolve("lns.yaml");
        Files.writeString(lnsYaml, lnsConfig);
        try (VpdnChild lns = VpdnChild.start(VpdnChild.Spec.lns(List.of("--config", lnsYaml.toString()), o.out().resolve("lns.log"))
                .withJvmOptions(jvm(o, "lns", List.of("-Xmx" + o.lnsHeap(), "-Xms" + o.lnsHeap()))).withEnv(QUIET))) {
            var lnsReady = lns.awaitReady(Duration.ofSeconds(120));
            String lnsMetrics = lnsReady.metricsUrl().orElseThrow();
            Base base = new Base(Probe.histogram(lns.pid(), o.out().resolve("lns-histogram-before.txt")),
                    Probe.rssBytes(lns.pid()), Probe.cpuSeconds(lns.pid()));
            Path lacYaml = o.out().resolve("lac.yaml");
            Files.writeString(lacYaml, BenchConfigs.lac(o, lnsReady.l2tp().getPort()));
            System.err.printf("vpdn bench: LNS ready (%s); dialling %d subscribers over %d tunnels%n",
                    lnsReady.l2tp(), o.sessions(), o.tunnels());
            withLac(o, r, lns, lacYaml, lnsMetrics, base);
            r.put("host_udp_rcvbuf_drops_during_run", Probe.udpReceiveBufferErrors() - rcvbufBefore);
            r.put("lns_udp_socket_drops", Probe.udpSocketDrops(lns.pid())); // host-wide above may be anyone's
            leaks(o, r, lns, lnsMetrics, base.heap());
        }
        return r;
    }

    static final Map<String, String> QUIET = Map.of("VPDN_LOG_LEVEL", "WARN");

    /** The LNS before the LAC starts: live heap after GC, resident set, CPU seconds. */
    private record Base(Probe.Histogram heap, long rss, double cpu) { }

    private static Map<String, Object> parameters(ScenarioOptions o, String command) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("scenario", o.scenario());
        r.put("command", "./vpdn bench " + command);
        r.put("date", Instant.now().toString());
        r.put("machine", machine());
        r.put("sessions_requested", o.sessions());
        r.put("tunnels", o.tunnels());
        r.put("dial_rate_requested", o.rate());
        r.put("hold_s", o.holdSeconds());
        r.put("lcp_keepalive_s", o.keepaliveSeconds());
        r.put("hello_s", o.helloSeconds());
        r.put("lac_call_setup_timeout_s", o.setupTimeout());
        r.put("lns_max_calls_in_setup", o.maxInSetup());
        r.put("warmup_calls", o.warmup());
        return r;
    }

    /** Runs the LAC with its emulator to the end: the plateau measured, then the emulator's report read. */
    private static void withLac(ScenarioOptions o, Map<String, Object> r, VpdnChild lns, Path lacYaml, String lnsMetrics,
                                Base base) throws Exception {
        Path report = o.out().resolve("subscribers.tsv");
        List<String> lacArgs = new ArrayList<>(List.of("--config", lacYaml.toString()));
        lacArgs.addAll(BenchConfigs.emulator(o, report.toString()));
        try (VpdnChild lac = VpdnChild.start(VpdnChild.Spec.lac(lacArgs, o.out().resolve("lac.log"))
                .withJvmOptions(jvm(o, "lac", List.of("-Xmx" + o.lacHeap()))).withEnv(QUIET))) {
            var lacReady = lac.awaitReady(Duration.ofSeconds(120));
            Base measured = base;
            if (o.warmup() > 0) { // CPU per setup counts from here; the heap stays compared with before the warm-up
                String line = lac.awaitLine(l -> l.startsWith("emulator: warm-up done"), Duration.ofSeconds(120 + o.warmup() / 100),
                        "its warm-up line");
                System.err.println("vpdn bench: " + line);
                r.put("warmup", line.substring("emulator: ".length()));
                measured = new Base(base.heap(), base.rss(), Probe.cpuSeconds(lns.pid()));
            }
            double cpuLacBase = Probe.cpuSeconds(lac.pid());
            Plateau p = awaitPlateau(o, lns, lac, lnsMetrics);
            r.put("lns_sessions_peak", p.peak);
            r.put("all_established", p.peak >= o.sessions());
            measureAtPlateau(o, r, lns, lac, measured, cpuLacBase, p);
            double[] data = dataRate(lnsMetrics, o);
            r.put("data_packets_per_s_lns", data[0]);
            r.put("data_mbit_per_s_lns", data[1] * 8 / 1e6);
            Prometheus lacEnd = Prometheus.scrape(lacReady.metricsUrl().orElseThrow());
            r.put("lac_udp_socket_drops", Probe.udpSocketDrops(lac.pid()));
            lac.waitFor(Duration.ofSeconds(o.emulatorHoldSeconds() + 60L + o.sessions() / 200));
            Prometheus lnsEnd = Prometheus.scrape(lnsMetrics);
            control(r, "lns", lnsEnd);
            radius(r, lnsEnd);
            control(r, "lac", lacEnd);
            setups(r, report);
            r.put("lac_exit", lac.waitFor(Duration.ofSeconds(1)).map(Object::toString).orElse("running"));
            Files.write(o.out().resolve("lac.out"), lac.output()); // its summary: refusals by reason
        }
    }

    static List<String> jvm(ScenarioOptions o, String name, List<String> heap) {
        List<String> all = new ArrayList<>(heap);
        if (o.jfr()) {
            all.add("-XX:StartFlightRecording=filename=" + o.out().resolve(name + ".jfr").toAbsolutePath() + ",settings=profile");
        }
        return all;
    }

    /** The most sessions the LNS had established at once, when that peak was reached and when it started to fall. */
    record Plateau(long peak, long reachedAtNanos, long startNanos, double lnsCpuAtPeak, double lacCpuAtPeak) { }

    private static Plateau awaitPlateau(ScenarioOptions o, VpdnChild lns, VpdnChild lac, String metrics) throws Exception {
        long start = System.nanoTime();
        // before the first hold ends (no call hangs up earlier than emulatorHold after the LAC started)
        long deadline = start + Duration.ofSeconds(Math.max(5, o.emulatorHoldSeconds() - 5L)).toNanos();
        long peak = 0;
        long peakAt = start;
        long lastReport = start;
        double lnsCpu = 0;
        double lacCpu = 0;
        while (System.nanoTime() < deadline && lns.isAlive() && lac.isAlive()) {
            long now = (long) Prometheus.scrape(metrics).sum("vpdn_l2tp_sessions", "state=\"established\"");
            if (now > peak) {
                peak = now;
                peakAt = System.nanoTime();
                lnsCpu = Probe.cpuSeconds(lns.pid()); // CPU per setup: up to the last setup, not the hold after it
                lacCpu = Probe.cpuSeconds(lac.pid());
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                System.err.printf("vpdn bench: %d sessions established (%.0f s)%n", now, (System.nanoTime() - start) / 1e9);
                lastReport = System.nanoTime();
            }
            if (now >= o.sessions() || (peak > 0 && now < peak * 0.9)) break;
            Thread.sleep(POLL.toMillis());
        }
        return new Plateau(peak, peakAt, start, lnsCpu, lacCpu);
    }

    private static void measureAtPlateau(ScenarioOptions o, Map<String, Object> r, VpdnChild lns, VpdnChild lac,
                                         Base before, double cpuLacBase, Plateau p) throws Exception {
        Probe.Histogram base = before.heap();
        long rssBase = before.rss();
        double lnsCpu = p.lnsCpuAtPeak() - before.cpu();
        double lacCpu = p.lacCpuAtPeak() - cpuLacBase;
        r.put("ramp_s_lns_view", (p.reachedAtNanos - p.startNanos) / 1e9);
        long dropsBefore = Probe.udpSocketDrops(lns.pid());
        long gcStart = System.nanoTime();
        Probe.Histogram at = Probe.histogram(lns.pid(), o.out().resolve("lns-histogram-plateau.txt"));
        // the histogram is a full, stop-the-world GC of the LNS: what it costs the run, so it is not taken for the LNS's
        r.put("lns_plateau_histogram_s", (System.nanoTime() - gcStart) / 1e9);
        r.put("lns_udp_socket_drops_during_plateau_histogram", Probe.udpSocketDrops(lns.pid()) - dropsBefore);
        long n = Math.max(1, p.peak);
        r.put("lns_live_heap_before_bytes", base.bytes());
        r.put("lns_live_heap_plateau_bytes", at.bytes());
        r.put("lns_heap_per_session_bytes", (at.bytes() - base.bytes()) / (double) n);
        r.put("lns_rss_per_session_bytes", (Probe.rssBytes(lns.pid()) - rssBase) / (double) n);
        r.put("lns_cpu_s_per_1000_setups", lnsCpu * 1000 / n);
        r.put("lac_cpu_s_per_1000_setups", lacCpu * 1000 / n);
        Probe.Histogram lacAt = Probe.histogram(lac.pid(), o.out().resolve("lac-histogram-plateau.txt"));
        r.put("lac_live_heap_per_session_bytes_incl_emulator", lacAt.bytes() / (double) n);
        List<Map<String, Object>> top = new ArrayList<>();
        for (Probe.ClassBytes c : at.growthSince(base, 15)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("class", c.name());
            row.put("instances_per_session", c.instances() / (double) n);
            row.put("bytes_per_session", c.bytes() / (double) n);
            top.add(row);
        }
        r.put("lns_heap_growth_by_class", top);
    }

    /**
     * LNS data messages and payload octets per second (both directions: LCP echo, pings) over a window of
     * the hold (at most 5 s).
     */
    private static double[] dataRate(String metrics, ScenarioOptions o) throws Exception {
        Prometheus a = Prometheus.scrape(metrics);
        long t0 = System.nanoTime();
        Thread.sleep(Math.min(5000, Math.max(1000, o.holdSeconds() * 500L)));
        Prometheus b = Prometheus.scrape(metrics);
        double s = (System.nanoTime() - t0) / 1e9;
        String packets = "vpdn_l2tp_data_packets_total";
        String bytes = "vpdn_l2tp_data_bytes_total";
        return new double[] {(b.sum(packets) - a.sum(packets)) / s, (b.sum(bytes) - a.sum(bytes)) / s};
    }

    private static void control(Map<String, Object> r, String side, Prometheus m) {
        r.put(side + "_control_retransmissions", (long) m.sum("vpdn_l2tp_control_retransmissions_total"));
        r.put(side + "_control_duplicates", (long) m.sum("vpdn_l2tp_control_duplicates_total"));
        r.put(side + "_control_out_of_order", (long) m.sum("vpdn_l2tp_control_out_of_order_total"));
    }

    /** The LNS's RADIUS client as it saw the run: whether any setup waited on a timeout or retry. */
    static void radius(Map<String, Object> r, Prometheus m) {
        double count = m.sum("vpdn_radius_server_response_seconds_count", "type=\"access\"");
        if (count == 0) return;
        r.put("lns_radius_access_answered", (long) count);
        r.put("lns_radius_access_response_mean_ms", Math.round(m.sum("vpdn_radius_server_response_seconds_sum", "type=\"access\"") * 1000 / count));
        r.put("lns_radius_access_response_max_ms", Math.round(m.sum("vpdn_radius_server_response_seconds_max", "type=\"access\"") * 1000));
        r.put("lns_radius_timeouts", (long) m.sum("vpdn_radius_server_requests_total", "outcome=\"timeout\""));
        r.put("lns_radius_retransmissions", (long) m.sum("vpdn_radius_retransmissions_total", "component=\"client\""));
        r.put("lns_radius_no_answer", (long) m.sum("vpdn_radius_requests_total", "component=\"client\",outcome=\"no_answer\""));
    }

    static void setups(Map<String, Object> r, Path report) throws IOException {
        if (!Files.exists(report)) {
            r.put("emulator_report", "missing (the LAC did not finish)");
            return;
        }
        SetupSeries s = SetupSeries.parse(Files.readAllLines(report));
        r.put("subscribers_reported", s.reported());
        r.put("subscribers_reached_ipcp", s.reachedIpcp());
        r.put("subscribers_succeeded", s.succeeded());
        r.put("subscribers_dropped", s.dropped());
        r.put("setups_per_s_min", s.minPerSecond());
        r.put("setups_per_s_avg", s.avgPerSecond());
        r.put("setups_per_s_max", s.maxPerSecond());
        r.put("setup_latency_p50_ms", s.p50Ms());
        r.put("setup_latency_p99_ms", s.p99Ms());
    }

    /** After the LAC is gone: every session, tunnel and Virtual-Access released, and the heap back where it was. */
    static void leaks(ScenarioOptions o, Map<String, Object> r, VpdnChild lns, String metrics, Probe.Histogram base)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Prometheus m = Prometheus.scrape(metrics);
        while (System.nanoTime() < deadline && (m.sum("vpdn_l2tp_sessions") > 0 || m.sum("vpdn_l2tp_tunnels") > 0)) {
            Thread.sleep(POLL.toMillis());
            m = Prometheus.scrape(metrics);
        }
        r.put("lns_sessions_after", (long) m.sum("vpdn_l2tp_sessions"));
        r.put("lns_tunnels_after", (long) m.sum("vpdn_l2tp_tunnels"));
        r.put("lns_virtual_access_after", (long) m.sum("vpdn_lns_virtual_access"));
        Probe.Histogram after = Probe.histogram(lns.pid(), o.out().resolve("lns-histogram-after.txt"));
        r.put("lns_heap_retained_after_per_session_bytes", (after.bytes() - base.bytes()) / (double) o.sessions());
    }

    private static String machine() {
        Runtime rt = Runtime.getRuntime();
        String mem = "?";
        try {
            mem = Files.readAllLines(Path.of("/proc/meminfo")).getFirst().replaceAll("[^0-9]", "");
            mem = Long.parseLong(mem) / 1024 / 1024 + " GiB";
        } catch (IOException | RuntimeException e) {
            // not Linux: left as ?
        }
        return rt.availableProcessors() + " cores, " + mem + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version");
    }
}
