package net.vpdn.lac.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import net.vpdn.config.VpdnConfig;
import net.vpdn.lac.select.CallKey;
import net.vpdn.lac.select.LnsEndpoint;
import net.vpdn.lac.select.RefusalReason;
import net.vpdn.lac.select.Selection;
import net.vpdn.lac.select.TunnelSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The LAC reads its configuration")
class GroupMappingTest {
    static Selection pick(VpdnConfig config, String user, String domain, String dnis) {
        return GroupMapping.localSelector(config).lookup(new CallKey(user, Optional.ofNullable(domain), "0311", dnis));
    }

    static TunnelSet only(Selection s) {
        assertThat(s).isInstanceOf(Selection.Tunnels.class);
        assertThat(((Selection.Tunnels) s).sets()).hasSize(1);
        return ((Selection.Tunnels) s).sets().getFirst();
    }

    @Nested
    @DisplayName("request-dialin groups become tunnel sets")
    class Groups {
        final VpdnConfig example = TestConfigs.load(TestConfigs.EXAMPLE);

        @Test
        @DisplayName("a user of example.com goes to group example-com: its LNS, priority, weight, secret, local name and limit")
        void byDomain() {
            TunnelSet set = only(pick(example, "alice@example.com", "example.com", ""));
            assertThat(set.groupName()).isEqualTo("example-com");
            assertThat(set.endpoints()).containsExactly(new LnsEndpoint(new InetSocketAddress("127.0.0.1", 1701), 1, 1));
            assertThat(set.secret()).isNotNull();
            assertThat(set.localHostName()).isEqualTo("lac1");
            assertThat(set.sessionLimit()).isEqualTo(1000);
        }

        @Test
        @DisplayName("a call to 5551234 from an unknown domain goes to the DNIS group")
        void byDnis() {
            assertThat(only(pick(example, "x@other.example", "other.example", "5551234")).groupName()).isEqualTo("dialed-5551234");
        }

        @Test
        @DisplayName("the domain wins over the DNIS (search order domain, dnis)")
        void domainFirst() {
            assertThat(only(pick(example, "bob@example.com", "example.com", "5551234")).groupName()).isEqualTo("example-com");
        }

        @Test
        @DisplayName("a user matching nothing is refused with NO_VPDN_MATCH and a detail naming domain and DNIS")
        void noMatch() {
            Selection s = pick(example, "eve@nowhere.example", "nowhere.example", "999");
            assertThat(s).isInstanceOfSatisfying(Selection.Refused.class, r -> {
                assertThat(r.reason()).isEqualTo(RefusalReason.NO_VPDN_MATCH);
                assertThat(r.detail()).contains("nowhere.example").contains("999");
            });
        }

        @Test
        @DisplayName("several initiate-to entries keep their priorities and weights; tunnel-authentication off drops the secret")
        void endpointsAndNoAuth() {
            VpdnConfig c = TestConfigs.load(TestConfigs.EXAMPLE,
                    "vpdn-groups.0.initiate-to.1.address=192.0.2.7", "vpdn-groups.0.initiate-to.1.port=1702",
                    "vpdn-groups.0.initiate-to.1.priority=2", "vpdn-groups.0.initiate-to.1.weight=5",
                    "vpdn-groups.0.tunnel-authentication=false", "vpdn-groups.0.local-name=lac-east");
            TunnelSet set = only(pick(c, "a@example.com", "example.com", ""));
            assertThat(set.endpoints()).containsExactly(new LnsEndpoint(new InetSocketAddress("127.0.0.1", 1701), 1, 1),
                    new LnsEndpoint(new InetSocketAddress("192.0.2.7", 1702), 2, 5));
            assertThat(set.secret()).isNull();
            assertThat(set.localHostName()).isEqualTo("lac-east");
        }
    }

    @Nested
    @DisplayName("l2tp timers drive the tunnel pool")
    class Timers {
        @Test
        @DisplayName("a new tunnel gets the first three retransmission waits (1+2+4 s by default) before the next LNS is tried")
        void connectTimeout() {
            var pool = GroupMapping.poolConfig(TestConfigs.load(TestConfigs.EXAMPLE));
            assertThat(pool.connectTimeout()).isEqualTo(Duration.ofSeconds(7));
            assertThat(pool.template().hostName()).isEqualTo("lac1");
        }

        @Test
        @DisplayName("slow retransmission is capped at 10 s of waiting")
        void capped() {
            var pool = GroupMapping.poolConfig(TestConfigs.load(TestConfigs.EXAMPLE, "l2tp.retransmit-initial=5s"));
            assertThat(pool.connectTimeout()).isEqualTo(GroupMapping.MAX_CONNECT_TIMEOUT);
        }

        @Test
        @DisplayName("the hello interval and receive window reach the tunnel template")
        void template() {
            var pool = GroupMapping.poolConfig(TestConfigs.load(TestConfigs.EXAMPLE, "l2tp.hello-interval=17s", "l2tp.receive-window=8"));
            assertThat(pool.template().helloInterval()).isEqualTo(Duration.ofSeconds(17));
            assertThat(pool.template().receiveWindow()).isEqualTo(8);
        }
    }
}
