package net.vpdn.benchmarks.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("xl2tpd-compare, storm and radius parts: options, xl2tpd's and FreeRADIUS's files, the L2TP-only load's rate, storm's pool")
class Xl2tpdComparePartsTest {
    @Test
    @DisplayName("storm defaults to 10,000 sessions dialled at once, HELLO 5 s, and an LNS pool of twice the sessions")
    void storm() {
        ScenarioOptions o = ScenarioOptions.parse(List.of("storm"));
        assertThat(o.sessions()).isEqualTo(10_000);
        assertThat(o.tunnels()).isEqualTo(50);
        assertThat(o.helloSeconds()).isEqualTo(5);
        assertThat(o.keepaliveSeconds()).isZero();
        assertThat(o.rate()).isEqualTo(1_000_000);
        assertThat(o.holdSeconds()).isEqualTo(60);
        ScenarioOptions small = ScenarioOptions.parse(List.of("storm", "--sessions", "1000", "--tunnels", "4"));
        // 2 x 1000 + 16 + 2000 / 64 = 2047 addresses from 10.64.0.1
        assertThat(BenchConfigs.lns(small)).contains("last: " + BenchConfigs.poolLast(2000))
                .contains("hello-interval: 5s").contains("name: \"u1000@b3.bench\"");
        assertThat(BenchConfigs.poolLast(2000)).isEqualTo("10.64.7.255");
        assertThat(BenchConfigs.emulator(small, "r.tsv", 77)).containsSequence("--hold", "77s");
    }

    @Test
    @DisplayName("xl2tpd-compare defaults to 10 tunnels, no LCP keepalive, admission as large as the run, 200 calls in flight")
    void options() {
        ScenarioOptions o = ScenarioOptions.parse(List.of("xl2tpd-compare", "--sessions", "3000"));
        assertThat(o.tunnels()).isEqualTo(10);
        assertThat(o.keepaliveSeconds()).isZero();
        assertThat(o.maxInSetup()).isEqualTo(3000);
        assertThat(o.inFlight()).isEqualTo(200);
        ScenarioOptions p = ScenarioOptions.parse(List.of("xl2tpd-compare", "--in-flight", "50", "--max-in-setup", "7"));
        assertThat(p.inFlight()).isEqualTo(50);
        assertThat(p.maxInSetup()).isEqualTo(7);
        assertThat(ScenarioOptions.parse(List.of("ramp")).maxInSetup()).isEqualTo(1000);
    }

    @Test
    @DisplayName("xl2tpd's config listens on the given loopback port with an address range one larger than the run")
    void xl2tpdConf() {
        String c = Xl2tpdLns.conf(40123, Path.of("/d/secrets"), Path.of("/d/options.ppp"), 300);
        assertThat(c).contains("listen-addr = 127.0.0.1\nport = 40123\n", "auth file = /d/secrets\n",
                "[lns default]\n", "ip range = 10.96.0.2-10.96.1.45\n", "pppoptfile = /d/options.ppp\n", "challenge = yes\n");
        assertThat(Xl2tpdLns.conf(1, Path.of("s"), Path.of("p"), 70000)).contains("ip range = 10.96.0.2-10.97.17.113\n");
        assertThat(Xl2tpdLns.secrets("s3cret")).isEqualTo("* * s3cret\n");
    }

    @Test
    @DisplayName("radius: the LNS has no local users and names the server on its ports; the users file has every subscriber")
    void radius() {
        ScenarioOptions o = ScenarioOptions.parse(List.of("radius", "--sessions", "30", "--tunnels", "3"));
        String lns = BenchConfigs.lnsWithRadius(o, 41812, 41813);
        assertThat(lns).contains("auth-port: 41812, acct-port: 41813", "aaa: {authentication: [radius], accounting: [radius]}")
                .doesNotContain("local-users", "[local]");
        assertThat(BenchConfigs.lns(o)).contains("aaa: {authentication: [local], accounting: []}\nlocal-users:\n");
        String users = BenchRadius.users(30, 3);
        assertThat(users).startsWith("\"u1@b0.bench\"\tCleartext-Password := \"" + BenchConfigs.PASSWORD + "\"\n")
                .contains("\"u30@b2.bench\"");
        assertThat(users.split("Cleartext-Password")).hasSize(31);
        assertThat(BenchRadius.site(41812, 41813)).contains("port = 41812", "port = 41813", "Auth-Type CHAP");
    }

    @Test
    @DisplayName("the load's rate is calls established over the seconds to the last acknowledgement; none when no time passed")
    void rate() {
        assertThat(new L2tpLoad.Result(500, 3, 0.25).setupsPerSecond()).isEqualTo(2000.0);
        assertThat(new L2tpLoad.Result(0, 0, 0).setupsPerSecond()).isZero();
    }
}
