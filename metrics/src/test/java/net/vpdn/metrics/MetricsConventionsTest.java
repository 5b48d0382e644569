package net.vpdn.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.vpdn.aaa.radius.RadiusObserver;
import net.vpdn.vtemplate.TerminateCause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Every vpdn metric follows the Prometheus naming conventions")
class MetricsConventionsTest {
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_:][a-z0-9_:]*)(?:\\{(.*)})?$");
    private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private Fixture fixture;
    private Exposition scrape;

    @BeforeEach
    void start() throws InterruptedException {
        fixture = new Fixture();
        fixture.calls.setupSucceeded(12_000_000);
        fixture.calls.setupFailed(SetupFailure.ADMISSION);
        fixture.calls.tornDown(TerminateCause.USER_REQUEST);
        fixture.radius.completed("Radius-A", RadiusObserver.Type.ACCESS, RadiusObserver.Outcome.ACCEPT, 3_000_000);
        fixture.radius.completed("Radius-A", RadiusObserver.Type.ACCESS, RadiusObserver.Outcome.TIMEOUT, 6_000_000_000L);
        scrape = new Exposition(fixture.metrics.scrape());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    @DisplayName("counters, and only counters, end in _total; every family is vpdn_ prefixed")
    void totalOnlyOnCounters() {
        assertThat(scrape.types()).isNotEmpty().allSatisfy((name, type) -> {
            assertThat(name).startsWith("vpdn_");
            if (type.equals("counter")) {
                assertThat(name).as(name).endsWith("_total");
            } else {
                assertThat(name).as(name).doesNotEndWith("_total");
            }
        });
        assertThat(scrape.types()).containsEntry("vpdn_session_setups_total", "counter")
                .containsEntry("vpdn_l2tp_sessions", "gauge").containsEntry("vpdn_session_setup_seconds", "histogram");
    }

    @Test
    @DisplayName("a meter with a base unit carries it in its rendered name (seconds, bytes)")
    void unitsInNames() {
        for (Meter m : fixture.metrics.registry().getMeters()) {
            String unit = m.getId().getBaseUnit();
            if (unit != null) {
                String family = m.getId().getName().replace('.', '_') + "_" + unit;
                assertThat(scrape.types().keySet()).as(m.getId().toString())
                        .anySatisfy(n -> assertThat(n).startsWith(family));
            }
        }
        assertThat(scrape.types()).containsKeys("vpdn_l2tp_data_bytes_total", "vpdn_session_setup_seconds");
    }

    @Test
    @DisplayName("every label key is one of the allowed, bounded keys; no family has more than 40 series")
    void boundedLabels() {
        Map<String, Integer> seriesPerName = new HashMap<>();
        for (String series : scrape.samples().keySet()) {
            Matcher s = SAMPLE.matcher(series);
            assertThat(s.matches()).as(series).isTrue();
            seriesPerName.merge(s.group(1), 1, Integer::sum);
            if (s.group(2) == null) {
                continue;
            }
            Matcher l = LABEL.matcher(s.group(2));
            while (l.find()) {
                assertThat(MetricNames.LABEL_KEYS.contains(l.group(1)) || l.group(1).equals("le")).as(series).isTrue();
                assertThat(l.group(2)).as("label value of " + series).matches("[a-z0-9_.:+\\-]+|\\+Inf");
            }
        }
        assertThat(seriesPerName).allSatisfy((name, n) -> assertThat(n).as(name).isLessThanOrEqualTo(40));
    }

    @Test
    @DisplayName("the setup histogram has buckets and counts what was recorded")
    void setupHistogram() {
        assertThat(scrape.value("vpdn_session_setup_seconds_count")).contains(1.0);
        assertThat(scrape.value("vpdn_session_setup_seconds_bucket{le=\"0.01\"}")).contains(0.0);
        assertThat(scrape.value("vpdn_session_setup_seconds_bucket{le=\"0.025\"}")).contains(1.0);
        assertThat(scrape.value("vpdn_session_setups_total{result=\"success\"}")).contains(1.0);
        assertThat(scrape.value("vpdn_session_setups_total{result=\"admission\"}")).contains(1.0);
        assertThat(scrape.value("vpdn_session_teardowns_total{cause=\"user_request\"}")).contains(1.0);
    }

    @Test
    @DisplayName("pool gauges read the pool on the loop: a /29 has 8 addresses")
    void poolGauges() {
        double total = scrape.valueOrZero("vpdn_pool_addresses{pool=\"pool-a\",state=\"free\"}")
                + scrape.valueOrZero("vpdn_pool_addresses{pool=\"pool-a\",state=\"in_use\"}")
                + scrape.valueOrZero("vpdn_pool_addresses{pool=\"pool-a\",state=\"reserved\"}");
        assertThat(total).isEqualTo(fixture.pool.size());
        assertThat(scrape.value("vpdn_pool_addresses{pool=\"pool-a\",state=\"in_use\"}")).contains(0.0);
    }

    @Test
    @DisplayName("RADIUS by server, type and outcome: the counter, the response-time histogram, and pre-registered zeros")
    void radiusByServer() {
        assertThat(scrape.value("vpdn_radius_server_requests_total{outcome=\"accept\",server=\"radius-a\",type=\"access\"}"))
                .contains(1.0);
        assertThat(scrape.value("vpdn_radius_server_requests_total{outcome=\"timeout\",server=\"radius-a\",type=\"access\"}"))
                .contains(1.0);
        assertThat(scrape.value("vpdn_radius_server_response_seconds_bucket{server=\"radius-a\",type=\"access\",le=\"0.001\"}"))
                .contains(0.0);
        assertThat(scrape.value("vpdn_radius_server_response_seconds_bucket{server=\"radius-a\",type=\"access\",le=\"0.005\"}"))
                .contains(1.0);
        assertThat(scrape.value("vpdn_radius_server_response_seconds_count{server=\"radius-a\",type=\"access\"}"))
                .as("the timeout is counted, not timed").contains(1.0);
        assertThat(scrape.value("vpdn_radius_server_response_seconds_count{server=\"radius-b\",type=\"accounting\"}"))
                .contains(0.0);
        assertThat(scrape.value("vpdn_radius_server_requests_total{outcome=\"timeout\",server=\"radius-b\",type=\"accounting\"}"))
                .contains(0.0);
        assertThat(scrape.samples()).doesNotContainKey("vpdn_radius_server_requests_total{outcome=\"challenge\",server=\"radius-b\",type=\"accounting\"}");
    }

    @Test
    @DisplayName("tunnel ends: hello timeouts, setups by result and teardowns by cause are exported at zero from the start")
    void tunnelEnds() {
        assertThat(scrape.value("vpdn_l2tp_hello_timeouts_total")).contains(0.0);
        assertThat(scrape.value("vpdn_tunnel_setups_total{result=\"not_authorized\"}")).contains(0.0);
        assertThat(scrape.value("vpdn_tunnel_teardowns_total{cause=\"hello_timeout\"}")).contains(0.0);
        assertThat(scrape.value("vpdn_tunnel_teardowns_total{cause=\"peer\"}")).contains(0.0);
    }
}
