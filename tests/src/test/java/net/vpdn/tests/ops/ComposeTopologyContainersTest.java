package net.vpdn.tests.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The compose topology of {@code docker/} run for real: both images built from the sources, then LNS,
 * LAC, FreeRADIUS, Prometheus and Grafana started as {@code docker compose up} would. The LAC's
 * emulated subscribers must reach the LNS through FreeRADIUS, and Prometheus must scrape both.
 *
 * <p>It needs a Docker engine with the compose plugin. Without one (as on the development and CI
 * machines) the whole class is skipped by {@code disabledWithoutDocker}; Testcontainers logs one
 * ERROR block while it looks for an engine. The topology is made in {@link #start} rather than a
 * static field, so nothing touches Docker before that check.
 */
@Testcontainers(disabledWithoutDocker = true)
@DisplayName("The compose topology in containers (skipped without a Docker engine)")
class ComposeTopologyContainersTest {
    static final Duration BUILD_AND_START = Duration.ofMinutes(20);
    static final Duration SESSIONS = Duration.ofMinutes(2);
    static ComposeContainer topology;

    @BeforeAll
    static void start() {
        topology = new ComposeContainer(ComposeFilesTest.DOCKER.resolve("docker-compose.yml").toFile())
                .withBuild(true)
                .withExposedService("lns", 9181, Wait.forHttp("/ready").forStatusCode(200).withStartupTimeout(BUILD_AND_START))
                .withExposedService("lac", 9171, Wait.forHttp("/ready").forStatusCode(200).withStartupTimeout(BUILD_AND_START))
                .withExposedService("prometheus", 9090, Wait.forHttp("/-/ready").forStatusCode(200))
                .withStartupTimeout(BUILD_AND_START);
        topology.start();
    }

    @AfterAll
    static void stop() {
        if (topology != null) topology.stop();
    }

    static Scrape scrape(String service, int port) {
        try {
            return Scrape.of(topology.getServiceHost(service, port), topology.getServicePort(service, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("emulated subscribers come up through LAC, LNS and FreeRADIUS, and both /metrics say so")
    void sessionsComeUp() {
        String established = "vpdn_l2tp_sessions{state=\"established\"}";
        Scrape.await(() -> scrape("lns", 9181).get(established) >= 1 && scrape("lac", 9171).get("vpdn_lac_calls") >= 1,
                SESSIONS, "a session up at the LNS and a call at the LAC");
        Scrape lns = scrape("lns", 9181);
        assertThat(lns.get("vpdn_radius_server_requests_total{outcome=\"accept\",server=\"radius1\",type=\"access\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(lns.get("vpdn_session_setups_total{result=\"success\"}")).isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("Prometheus in the topology reports both vpdn targets up")
    void prometheusScrapesBoth() {
        String base = "http://" + topology.getServiceHost("prometheus", 9090) + ":" + topology.getServicePort("prometheus", 9090);
        Scrape.await(() -> upTargets(base) == 2, SESSIONS, "vpdn-lns and vpdn-lac up in Prometheus");
    }

    private static long upTargets(String base) {
        try {
            JsonNode targets = new ObjectMapper().readTree(Scrape.get(URI.create(base + "/api/v1/targets")).body())
                    .path("data").path("activeTargets");
            long up = 0;
            for (JsonNode t : targets) {
                if (t.path("labels").path("job").asText().startsWith("vpdn-") && "up".equals(t.path("health").asText())) up++;
            }
            return up;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
