package net.vpdn.lac.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the demo's subscribers and its last line")
class DemoTest {
    @Test
    @DisplayName("100 subscribers: bob once (his static address, session limit 1), alice 99 times, CHAP and PAP")
    void subscribers() {
        List<String> a = Demo.subscribers(true);
        assertThat(Collections.frequency(a, "bob@example.com:bob-demo-password")).isEqualTo(1);
        assertThat(Collections.frequency(a, "alice@example.com:alice-demo-password")).isEqualTo(Demo.SUBSCRIBERS - 1);
        assertThat(a).containsSubsequence("--subscribers", "100").containsSubsequence("--auth", "chap,pap").contains("--once");
        assertThat(Demo.subscribers(false)).doesNotContain("--once");
    }

    @Test
    @DisplayName("reads the LAC's summary into 'demo: <up>/<dialed> sessions up, <rate> setups/s'")
    void outcome() {
        Demo.Outcome ok = Demo.outcome(List.of("vpdn lac ready: l2tp 127.0.0.1:1 admin off metrics off",
                "vpdn lac summary: 100 subscribers, 100 reported, 100 reached IPCP, 100 succeeded; pings 300/300 answered",
                "setup rate: 87.25 setups/s (first dial to last IPCP up)", "result: all subscribers succeeded"));
        assertThat(ok.line()).isEqualTo("100/100 sessions up, 87.3 setups/s");
        assertThat(ok.allUp()).isTrue();
        Demo.Outcome some = Demo.outcome(List.of(
                "vpdn lac summary: 100 subscribers, 100 reported, 97 reached IPCP, 95 succeeded; pings 285/291 answered",
                "setup rate: 40.0 setups/s (first dial to last IPCP up)"));
        assertThat(some.line()).isEqualTo("97/100 sessions up, 40.0 setups/s");
        assertThat(some.allUp()).isFalse();
        assertThat(Demo.outcome(List.of()).allUp()).as("no summary at all").isFalse();
    }
}
