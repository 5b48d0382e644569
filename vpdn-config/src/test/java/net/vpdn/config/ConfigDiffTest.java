package net.vpdn.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.vpdn.config.ReloadPlan.Change;
import net.vpdn.config.ReloadPlan.Effect;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Reload plan: what applies live and what needs a restart")
class ConfigDiffTest {
    private static final VpdnConfig LNS = Loading.valid(Loading.LNS_EXAMPLE);
    private static final VpdnConfig LAC = Loading.valid(Loading.LAC_EXAMPLE);

    private static ReloadPlan planLns(String... sets) {
        return ConfigDiff.plan(LNS, Loading.valid(Loading.LNS_EXAMPLE, Map.of(), List.of(sets)));
    }

    private static ReloadPlan planLac(String... sets) {
        return ConfigDiff.plan(LAC, Loading.valid(Loading.LAC_EXAMPLE, Map.of(), List.of(sets)));
    }

    @Test
    @DisplayName("reloading an unchanged file changes nothing")
    void unchanged() {
        assertThat(planLns().isEmpty()).isTrue();
        assertThat(planLac().isEmpty()).isTrue();
    }

    @Nested
    @DisplayName("Reload keeps sessions: these apply without a restart")
    class Live {
        @Test
        @DisplayName("a changed user password applies at once and is never shown")
        void password() {
            ReloadPlan plan = planLns("local-users.0.password=new-password");
            assertThat(plan.changes()).containsExactly(new Change("local-users[alice@example.com].password",
                    Effect.NOW, "<redacted> -> <redacted>"));
            assertThat(plan.needsRestart()).isFalse();
            assertThat(plan.toString()).doesNotContain("new-password").doesNotContain("alice-demo-password");
        }

        @Test
        @DisplayName("an added user and a removed user apply at once")
        void usersAddedAndRemoved() {
            ReloadPlan added = planLns("local-users.2.name=carol@example.com", "local-users.2.password=c");
            assertThat(added.changes()).containsExactly(
                    new Change("local-users[carol@example.com]", Effect.NOW, "added"));
            ReloadPlan renamed = planLns("local-users.0.name=carol@example.com");
            assertThat(renamed.changes()).extracting(Change::key, Change::effect).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("local-users[alice@example.com]", Effect.NOW),
                    org.assertj.core.groups.Tuple.tuple("local-users[carol@example.com]", Effect.NOW));
        }

        @Test
        @DisplayName("L2TP timers apply to new tunnels and show old and new values")
        void timers() {
            assertThat(planLns("l2tp.hello-interval=30s", "l2tp.retransmit-initial=500ms").changes()).containsExactly(
                    new Change("l2tp.hello-interval", Effect.NEW_TUNNELS, "60s -> 30s"),
                    new Change("l2tp.retransmit-initial", Effect.NEW_TUNNELS, "1s -> 500ms"));
        }

        @Test
        @DisplayName("a group's tunnel secret applies to new tunnels, redacted")
        void groupSecret() {
            assertThat(planLac("vpdn-groups.0.tunnel-secret=rotated").changes()).containsExactly(
                    new Change("vpdn-groups[example-com].tunnel-secret", Effect.NEW_TUNNELS,
                            "<redacted> -> <redacted>"));
        }

        @Test
        @DisplayName("session limits and dial-in matching apply at once")
        void limitsAndMatching() {
            assertThat(planLac("vpdn-groups.0.session-limit=5", "vpdn-groups.0.request-dialin.domains=example.com,example.net")
                    .changes()).containsExactly(
                    new Change("vpdn-groups[example-com].request-dialin.domains", Effect.NOW,
                            "[example.com] -> [example.com, example.net]"),
                    new Change("vpdn-groups[example-com].session-limit", Effect.NOW, "1000 -> 5"));
        }

        @Test
        @DisplayName("an added LNS applies to new tunnels")
        void initiateTo() {
            ReloadPlan plan = planLac("vpdn-groups.0.initiate-to.1.address=127.0.0.2");
            assertThat(plan.changes()).singleElement().satisfies(c -> {
                assertThat(c.key()).isEqualTo("vpdn-groups[example-com].initiate-to");
                assertThat(c.effect()).isEqualTo(Effect.NEW_TUNNELS);
            });
        }

        @Test
        @DisplayName("template changes apply to new sessions")
        void template() {
            assertThat(planLns("virtual-templates.0.mru=1400").changes()).containsExactly(
                    new Change("virtual-templates[1].mru", Effect.NEW_SESSIONS, "1460 -> 1400"));
        }

        @Test
        @DisplayName("a pool that grows, or a new pool, applies at once")
        void poolGrowth() {
            assertThat(planLns("ip-pools.0.first=10.99.0.5").changes()).containsExactly(new Change(
                    "ip-pools[lns-pool]", Effect.NOW, "10.99.0.10-10.99.0.254 -> 10.99.0.5-10.99.0.254 (grown)"));
            assertThat(planLns("ip-pools.1.name=extra", "ip-pools.1.cidr=10.98.0.0/24").changes()).containsExactly(
                    new Change("ip-pools[extra]", Effect.NOW, "added 10.98.0.1-10.98.0.254"));
        }

        @Test
        @DisplayName("RADIUS servers, method lists and the admin token apply at once")
        void aaaAndToken() {
            ReloadPlan plan = planLns("radius-servers.0.name=r1", "radius-servers.0.address=127.0.0.1",
                    "radius-servers.0.secret=x", "aaa.accounting=radius", "admin.token=t0ken");
            assertThat(plan.changes()).extracting(Change::key).containsExactly(
                    "radius-servers[r1]", "aaa.accounting", "admin.token");
            assertThat(plan.needsRestart()).isFalse();
            assertThat(plan.live()).hasSize(3);
        }
    }

    @Nested
    @DisplayName("These wait for a restart")
    class Restart {
        @Test
        @DisplayName("listener addresses and ports, hostname and metrics")
        void sockets() {
            ReloadPlan plan = planLns("l2tp.listen-port=1702", "hostname=lns2", "admin.port=9190",
                    "metrics.address=0.0.0.0", "l2tp.receive-window=32");
            assertThat(plan.restartRequired()).extracting(Change::key).containsExactly(
                    "hostname", "l2tp.listen-port", "admin.port", "metrics.address");
            assertThat(plan.live()).containsExactly(
                    new Change("l2tp.receive-window", Effect.NEW_TUNNELS, "16 -> 32"),
                    // the group sets no local-name, so it follows the hostname, for new tunnels
                    new Change("vpdn-groups[from-lac1].local-name", Effect.NEW_TUNNELS, "lns1 -> lns2"));
            assertThat(plan.needsRestart()).isTrue();
        }

        @Test
        @DisplayName("the dynamic-authorization listener and its clients wait for a restart, secrets redacted, and keep running")
        void dynamicAuthorization() {
            ReloadPlan plan = planLns("dynamic-authorization.enabled=true", "dynamic-authorization.port=3800",
                    "dynamic-authorization.clients.0.address=192.0.2.9", "dynamic-authorization.clients.0.secret=das-key");
            assertThat(plan.changes()).containsExactly(
                    new Change("dynamic-authorization.enabled", Effect.RESTART, "false -> true"),
                    new Change("dynamic-authorization.port", Effect.RESTART, "3799 -> 3800"),
                    new Change("dynamic-authorization.clients", Effect.RESTART,
                            "[] -> [Client[address=/192.0.2.9, secret=<redacted>]]"));
            assertThat(plan.toString()).doesNotContain("das-key");
            VpdnConfig loaded = Loading.valid(Loading.LNS_EXAMPLE, Map.of(), List.of("dynamic-authorization.enabled=true",
                    "dynamic-authorization.clients.0.address=192.0.2.9", "dynamic-authorization.clients.0.secret=k"));
            assertThat(ConfigDiff.effective(LNS, loaded).dynamicAuthorization()).isEqualTo(LNS.dynamicAuthorization());
        }

        @Test
        @DisplayName("a pool that shrinks needs a restart, since leased addresses could fall outside")
        void poolShrinks() {
            assertThat(planLns("ip-pools.0.last=10.99.0.100").changes()).containsExactly(new Change(
                    "ip-pools[lns-pool]", Effect.RESTART,
                    "10.99.0.10-10.99.0.254 -> 10.99.0.10-10.99.0.100 (shrunk or moved; leased addresses could fall outside)"));
        }

        @Test
        @DisplayName("a removed pool needs a restart")
        void poolRemoved() {
            VpdnConfig twoPools = Loading.valid(Loading.LNS_EXAMPLE, Map.of(),
                    List.of("ip-pools.1.name=extra", "ip-pools.1.cidr=10.98.0.0/24"));
            assertThat(ConfigDiff.plan(twoPools, LNS).changes()).containsExactly(new Change("ip-pools[extra]",
                    Effect.RESTART, "removed; addresses leased from it stay in use until restart"));
        }
    }

    @Nested
    @DisplayName("The effective configuration after a reload")
    class Effective {
        @Test
        @DisplayName("takes the live changes and keeps the running value of every restart-only one")
        void mixesLiveAndKept() {
            VpdnConfig loaded = Loading.valid(Loading.LNS_EXAMPLE, Map.of(), List.of("l2tp.listen-port=1702",
                    "l2tp.hello-interval=30s", "hostname=lns2", "local-users.0.password=new", "admin.port=9999",
                    "admin.token=t", "metrics.port=9998"));
            VpdnConfig effective = ConfigDiff.effective(LNS, loaded);
            assertThat(effective.l2tp().listenPort()).isEqualTo(1701);
            assertThat(effective.l2tp().helloInterval()).isEqualTo(java.time.Duration.ofSeconds(30));
            assertThat(effective.hostname()).isEqualTo("lns1");
            assertThat(effective.localUsers().getFirst().password()).isEqualTo(Secret.of("new"));
            assertThat(effective.admin().port()).isEqualTo(9180);
            assertThat(effective.admin().token()).contains(Secret.of("t"));
            assertThat(effective.metrics()).isEqualTo(LNS.metrics());
        }

        @Test
        @DisplayName("keeps a pool that would shrink, lets one grow, and keeps one that would vanish")
        void pools() {
            VpdnConfig twoPools = Loading.valid(Loading.LNS_EXAMPLE, Map.of(),
                    List.of("ip-pools.1.name=extra", "ip-pools.1.cidr=10.98.0.0/24"));
            VpdnConfig shrunkAndGone = Loading.valid(Loading.LNS_EXAMPLE, Map.of(), List.of("ip-pools.0.last=10.99.0.100"));
            assertThat(ConfigDiff.effective(twoPools, shrunkAndGone).ipPools()).isEqualTo(twoPools.ipPools());
            VpdnConfig grown = Loading.valid(Loading.LNS_EXAMPLE, Map.of(), List.of("ip-pools.0.first=10.99.0.2"));
            assertThat(ConfigDiff.effective(LNS, grown).ipPools()).isEqualTo(grown.ipPools());
        }

        @Test
        @DisplayName("of an all-live plan is the loaded configuration itself")
        void allLive() {
            VpdnConfig loaded = Loading.valid(Loading.LNS_EXAMPLE, Map.of(), List.of("local-users.1.session-limit=3"));
            assertThat(ConfigDiff.plan(LNS, loaded).needsRestart()).isFalse();
            assertThat(ConfigDiff.effective(LNS, loaded)).isEqualTo(loaded);
        }
    }
}
