package net.vpdn.tests.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.vpdn.config.ConfigLoader;
import net.vpdn.config.ConfigResult;
import net.vpdn.config.VpdnConfig;
import net.vpdn.tests.peers.PeerTool;
import net.vpdn.tests.peers.RealPeers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The container files of {@code docker/} hang together without a Docker engine: the compose file
 * parses and names the five services, its static addresses and ports match the vpdn configurations
 * and Prometheus's targets, both configurations load, the Dockerfiles run our main classes as a
 * non-root user on the JRE 25 base, and the Grafana dashboard uses only documented metric names.
 */
@DisplayName("docker/: the compose topology's files are consistent")
class ComposeFilesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path DOCKER = ROOT.resolve("docker");
    private static final Pattern METRIC = Pattern.compile("\\bvpdn_[a-z0-9_]+");

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static Map<String, Object> service(String name) throws IOException {
        return map(map(yaml(DOCKER.resolve("docker-compose.yml")).get("services")).get(name));
    }

    static String ipOf(String service) throws IOException {
        return (String) map(map(service(service).get("networks")).get("vpdn")).get("ipv4_address");
    }

    static VpdnConfig config(String role) {
        ConfigResult r = ConfigLoader.load(DOCKER.resolve("config/" + role + ".yaml"), Map.of(), List.of());
        assertThat(r).as(r.toString()).isInstanceOf(ConfigResult.Loaded.class);
        return ((ConfigResult.Loaded) r).config();
    }

    @Test
    @DisplayName("the compose file has lac, lns, freeradius, prometheus and grafana; lac and lns build from our Dockerfiles")
    void services() throws IOException {
        Map<String, Object> services = map(yaml(DOCKER.resolve("docker-compose.yml")).get("services"));
        assertThat(services).containsOnlyKeys("lac", "lns", "freeradius", "prometheus", "grafana");
        for (String role : List.of("lac", "lns")) {
            Map<String, Object> build = map(service(role).get("build"));
            assertThat(DOCKER.resolve((String) build.get("context")).normalize()).isEqualTo(ROOT);
            assertThat(ROOT.resolve((String) build.get("dockerfile"))).isRegularFile();
            assertThat(service(role).get("cap_drop")).isEqualTo(List.of("ALL"));
        }
    }

    @Test
    @DisplayName("every bind-mounted file or folder exists")
    void mountsExist() throws IOException {
        for (String s : List.of("lac", "lns", "freeradius", "prometheus", "grafana")) {
            @SuppressWarnings("unchecked")
            List<String> volumes = (List<String>) service(s).getOrDefault("volumes", List.of());
            for (String v : volumes) {
                assertThat(DOCKER.resolve(v.split(":")[0]).normalize()).as(s + " mounts " + v).exists();
            }
        }
    }

    @Test
    @DisplayName("both vpdn configurations load, and their addresses are the compose file's static ones")
    void addressesAgree() throws IOException {
        VpdnConfig lns = config("lns");
        VpdnConfig lac = config("lac");
        assertThat(lns.l2tp().listenAddress().getHostAddress()).isEqualTo(ipOf("lns"));
        assertThat(lac.l2tp().listenAddress().getHostAddress()).isEqualTo(ipOf("lac"));
        assertThat(lac.requestDialinGroups().getFirst().initiateTo().getFirst().address().getHostAddress())
                .isEqualTo(ipOf("lns"));
        assertThat(lns.radiusServers().getFirst().address().getHostAddress()).isEqualTo(ipOf("freeradius"));
        String clients = Files.readString(DOCKER.resolve("freeradius/clients.conf"));
        assertThat(clients).contains("ipaddr = " + ipOf("lns"))
                .contains("secret = " + lns.radiusServers().getFirst().secret().reveal());
        String subnet = (String) map(((List<?>) map(map(map(yaml(DOCKER.resolve("docker-compose.yml")).get("networks"))
                .get("vpdn")).get("ipam")).get("config")).getFirst()).get("subnet");
        assertThat(subnet).isEqualTo("172.28.0.0/24");
    }

    @Test
    @DisplayName("Prometheus scrapes lns and lac at the metrics ports their configurations listen on, on every address")
    void scrapeTargetsMatchMetricsPorts() throws IOException {
        Map<String, String> targets = new java.util.TreeMap<>();
        for (Object job : (List<?>) yaml(DOCKER.resolve("prometheus/prometheus.yml")).get("scrape_configs")) {
            Object t = ((List<?>) map(((List<?>) map(job).get("static_configs")).getFirst()).get("targets")).getFirst();
            targets.put((String) map(job).get("job_name"), (String) t);
        }
        VpdnConfig lns = config("lns");
        VpdnConfig lac = config("lac");
        assertThat(targets).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "vpdn-lac", "lac:" + lac.metrics().port(), "vpdn-lns", "lns:" + lns.metrics().port())));
        assertThat(lns.metrics().address().isAnyLocalAddress()).isTrue();
        assertThat(lac.metrics().address().isAnyLocalAddress()).isTrue();
        assertThat(service("lns").get("expose")).asList().contains(String.valueOf(lns.metrics().port()));
        assertThat(service("lac").get("expose")).asList().contains(String.valueOf(lac.metrics().port()));
    }

    @Test
    @DisplayName("the Dockerfiles: build stage from the sources, eclipse-temurin:25-jre runtime, a numeric non-root USER, our main class")
    void dockerfiles() throws Exception {
        for (String role : List.of("lac", "lns")) {
            String df = Files.readString(DOCKER.resolve("Dockerfile." + role));
            List<String> froms = df.lines().filter(l -> l.startsWith("FROM ")).toList();
            assertThat(froms).hasSize(2);
            assertThat(froms.getLast()).isEqualTo("FROM eclipse-temurin:25-jre");
            assertThat(df).containsPattern("(?m)^USER 10001:10001$").contains("-pl " + role + " -am");
            Matcher main = Pattern.compile("\"(net\\.vpdn\\.[a-z.]+\\.[A-Za-z]+Main)\"").matcher(df);
            assertThat(main.find()).isTrue();
            assertThat(Class.forName(main.group(1)).getMethod("main", String[].class)).isNotNull();
            Matcher copy = Pattern.compile("(?m)^COPY (docker/\\S+) ").matcher(df);
            while (copy.find()) assertThat(ROOT.resolve(copy.group(1))).isRegularFile();
        }
    }

    @Test
    @DisplayName("the dashboard parses, uses the provisioned datasource, and every metric it queries is in docs/metrics.md")
    void dashboard() throws IOException {
        JsonNode dash = new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/vpdn.json").toFile());
        String uid = (String) map(((List<?>) yaml(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml"))
                .get("datasources")).getFirst()).get("uid");
        String doc = Files.readString(ROOT.resolve("docs/metrics.md"));
        Set<String> used = new TreeSet<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode p : dash.path("panels")) {
            titles.add(p.path("title").asText());
            for (JsonNode t : p.path("targets")) {
                assertThat(t.path("datasource").path("uid").asText()).isEqualTo(uid);
                Matcher m = METRIC.matcher(t.path("expr").asText());
                while (m.find()) used.add(m.group().replaceFirst("_(bucket|count|sum)$", ""));
            }
        }
        assertThat(used).hasSizeGreaterThan(10).allSatisfy(n -> assertThat(doc).as(n).contains("| `" + n + "` |"));
        assertThat(String.join("|", titles).toLowerCase())
                .contains("sessions up", "setup rate", "failures by cause", "traffic", "radius response time");
    }

    @Nested
    @RealPeers(value = PeerTool.DOCKER_COMPOSE, root = false)
    @DisplayName("with docker-compose installed")
    class ComposeParser {
        @Test
        @DisplayName("docker-compose config parses and validates the compose file (no engine needed)")
        void composeConfig() throws Exception {
            Process p = new ProcessBuilder(PeerTool.DOCKER_COMPOSE.require().toString(), "-f",
                    DOCKER.resolve("docker-compose.yml").toString(), "config", "--quiet")
                    .directory(DOCKER.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
        }
    }
}
