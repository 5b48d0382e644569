package net.vpdn.benchmarks.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("scenario runner parts: report, histogram and metrics parsing, configs, options")
class ScenarioPartsTest {
    @Test
    @DisplayName("the emulator report gives reached, dropped, percentiles and per-second setups from the first IPCP up")
    void setupSeries() {
        SetupSeries s = SetupSeries.parse(List.of("# user\tauth\tresult\taddress\tpings\tsetup_ms\tup_ms",
                "a\tCHAP_MD5\tok\t10.0.0.1\t1/1\t10.0\t1000.0",
                "b\tCHAP_MD5\tok\t10.0.0.2\t1/1\t20.0\t1500.0",
                "c\tCHAP_MD5\tok\t10.0.0.3\t1/1\t30.0\t2100.0",
                "d\tCHAP_MD5\tok\t10.0.0.4\t1/1\t40.0\t3100.0",
                "e\tPAP\tdropped: LNS_CLEARED\t-\t0/0\t-\t-",
                "f\tPAP\tno IPCP\t-\t0/0\t-\t-"));
        assertThat(s.reported()).isEqualTo(6);
        assertThat(s.reachedIpcp()).isEqualTo(4);
        assertThat(s.succeeded()).isEqualTo(4);
        assertThat(s.dropped()).isEqualTo(1);
        assertThat(s.p50Ms()).isEqualTo(20.0);
        assertThat(s.p99Ms()).isEqualTo(40.0);
        // whole seconds from the first up (1.0 s): [1.0, 2.0) holds 2, [2.0, 3.0) holds 1; 3.1 s is a partial second
        assertThat(s.minPerSecond()).isEqualTo(1);
        assertThat(s.maxPerSecond()).isEqualTo(2);
        assertThat(s.avgPerSecond()).isCloseTo(4 / 3.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    @DisplayName("a jcmd class histogram parses into totals, and growth is per class, largest first")
    void histogram() {
        String before = """
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:           100           4000  [B (java.base@25)
                   2:            10            240  java.lang.String (java.base@25)
                Total           110           4240
                """;
        String after = """
                   1:          1100          54000  [B (java.base@25)
                   2:          1010          24240  java.lang.String (java.base@25)
                   3:          1000          80000  net.vpdn.ppp.session.PppSession
                Total          3110         158240
                """;
        Probe.Histogram a = Probe.parseHistogram(before);
        Probe.Histogram b = Probe.parseHistogram(after);
        assertThat(a.bytes()).isEqualTo(4240);
        assertThat(b.instances()).isEqualTo(3110);
        assertThat(b.growthSince(a, 2)).extracting(Probe.ClassBytes::name)
                .containsExactly("net.vpdn.ppp.session.PppSession", "[B");
        assertThat(b.growthSince(a, 3).get(2)).isEqualTo(new Probe.ClassBytes("java.lang.String", 1000, 24000));
    }

    @Test
    @DisplayName("a Prometheus scrape sums a family's samples, filtered by label, without matching longer names")
    void prometheus() {
        Prometheus p = new Prometheus("""
                # TYPE vpdn_l2tp_sessions gauge
                vpdn_l2tp_sessions{state="established"} 42.0
                vpdn_l2tp_sessions{state="wait_connect"} 3.0
                vpdn_l2tp_sessions_other 1000.0
                vpdn_l2tp_data_packets_total{direction="in"} 10.0
                vpdn_l2tp_data_packets_total{direction="out"} 5.0
                """);
        assertThat(p.sum("vpdn_l2tp_sessions", "state=\"established\"")).isEqualTo(42);
        assertThat(p.sum("vpdn_l2tp_sessions")).isEqualTo(45);
        assertThat(p.sum("vpdn_l2tp_data_packets_total")).isEqualTo(15);
        assertThat(p.sum("vpdn_missing")).isZero();
    }

    @Test
    @DisplayName("configs spread N users over T groups, the pool holds them all, options are checked")
    void configsAndOptions() {
        ScenarioOptions o = ScenarioOptions.parse(List.of("ramp", "--sessions", "300", "--tunnels", "3"));
        assertThat(BenchConfigs.user(0, 3)).isEqualTo("u1@b0.bench");
        assertThat(BenchConfigs.user(4, 3)).isEqualTo("u5@b1.bench");
        assertThat(BenchConfigs.poolLast(300)).isEqualTo("10.64.1.64"); // 10.64.0.0 + 300 + 16 + 300/64
        assertThat(BenchConfigs.lns(o)).contains("u300@b2.bench").contains("max-calls-in-setup: 1000");
        assertThat(BenchConfigs.lac(o, 1701)).contains("local-name: bench-lac2").doesNotContain("bench-lac3");
        assertThat(BenchConfigs.emulator(o, "r.tsv")).containsSubsequence("--user-format", "u%d@b2.bench", "--report", "r.tsv");
        assertThatThrownBy(() -> ScenarioOptions.parse(List.of("ramp", "--tunnels", "5", "--sessions", "2")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScenarioOptions.parse(List.of("bogus"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ResultWriter.json(Map.of("a", "x\"y"))).contains("\"a\": \"x\\\"y\"");
    }

    @Test
    @DisplayName("socket drops are summed over the process's sockets only, by inode; the header and others' sockets are ignored")
    void socketDrops() {
        List<String> table = List.of(
                "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops",
                " 7810: 0100007F:C873 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 1141239 2 00000000cc137053 148335",
                "12544: 0100007F:9AF1 00000000:0000 07 00000000:00034000 00:00000000 00000000     0        0 1141238 2 00000000bf208bdc 743",
                "12545: 0100007F:9AF2 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 2000001 2 00000000bf208bdd 5",
                "not a row");
        assertThat(Probe.socketDrops(table, java.util.Set.of("1141238", "2000001"))).isEqualTo(748);
        assertThat(Probe.socketDrops(table, java.util.Set.of("999"))).isZero();
    }

    @Test
    @DisplayName("this JVM's own UDP sockets are found through /proc/<pid>/fd and start with no drops")
    void ownSocketDrops() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/net/udp")),
                "needs Linux /proc");
        try (var s = new java.net.DatagramSocket(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0))) {
            assertThat(Probe.udpSocketDrops(ProcessHandle.current().pid())).isZero();
        }
        assertThat(Probe.udpSocketDrops(Long.MAX_VALUE)).isEqualTo(-1);
    }

    @Test
    @DisplayName("the LNS's RADIUS figures: answered, mean and max response, timeouts, retransmissions, no answer; none without RADIUS")
    void radiusFigures() {
        Prometheus m = new Prometheus("""
                vpdn_radius_requests_total{component="client",outcome="no_answer"} 1.0
                vpdn_radius_requests_total{component="disconnect",outcome="no_answer"} 7.0
                vpdn_radius_retransmissions_total{component="client"} 4.0
                vpdn_radius_retransmissions_total{component="disconnect"} 9.0
                vpdn_radius_server_requests_total{outcome="timeout",server="a",type="access"} 2.0
                vpdn_radius_server_requests_total{outcome="timeout",server="a",type="accounting"} 3.0
                vpdn_radius_server_response_seconds_count{server="a",type="access"} 4
                vpdn_radius_server_response_seconds_sum{server="a",type="access"} 0.2
                vpdn_radius_server_response_seconds_max{server="a",type="access"} 0.125
                vpdn_radius_server_response_seconds_count{server="a",type="accounting"} 100
                """);
        Map<String, Object> r = new java.util.LinkedHashMap<>();
        Scenarios.radius(r, m);
        assertThat(r).containsEntry("lns_radius_access_answered", 4L).containsEntry("lns_radius_access_response_mean_ms", 50L)
                .containsEntry("lns_radius_access_response_max_ms", 125L).containsEntry("lns_radius_timeouts", 5L)
                .containsEntry("lns_radius_retransmissions", 4L).containsEntry("lns_radius_no_answer", 1L);
        Map<String, Object> none = new java.util.LinkedHashMap<>();
        Scenarios.radius(none, new Prometheus("vpdn_l2tp_sessions{state=\"established\"} 3\n"));
        assertThat(none).isEmpty();
    }
}
