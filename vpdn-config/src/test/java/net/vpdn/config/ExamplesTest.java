package net.vpdn.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The example files the demo uses")
class ExamplesTest {

    @Nested
    @DisplayName("examples/lac.yaml")
    class Lac {
        private final VpdnConfig config = Loading.valid(Loading.LAC_EXAMPLE);

        @Test
        @DisplayName("is a LAC named lac1 with the carrier's default timers")
        void identityAndTimers() {
            assertThat(config.role()).isEqualTo(Role.LAC);
            assertThat(config.hostname()).isEqualTo("lac1");
            L2tpSettings l2tp = config.l2tp();
            assertThat(l2tp.listenPort()).isZero();
            assertThat(l2tp.helloInterval()).isEqualTo(Duration.ofSeconds(60));
            assertThat(l2tp.retransmitInitial()).isEqualTo(Duration.ofSeconds(1));
            assertThat(l2tp.retransmitCap()).isEqualTo(Duration.ofSeconds(8));
            assertThat(l2tp.retransmitRetries()).isEqualTo(5);
            assertThat(l2tp.receiveWindow()).isEqualTo(16);
        }

        @Test
        @DisplayName("sends example.com to the LNS at 127.0.0.1:1701 with a tunnel secret")
        void domainGroup() throws Exception {
            VpdnGroup.RequestDialin g = config.requestDialinGroups().getFirst();
            assertThat(g.name()).isEqualTo("example-com");
            assertThat(g.domains()).containsExactly("example.com");
            assertThat(g.dnis()).isEmpty();
            assertThat(g.initiateTo()).containsExactly(
                    new InitiateTo(InetAddress.getByName("127.0.0.1"), 1701, 1, 1));
            assertThat(g.tunnelSecret()).contains(Secret.of("demo-tunnel-secret"));
            assertThat(g.tunnelAuthentication()).isTrue();
            assertThat(g.localName()).isEqualTo("lac1");
            assertThat(g.sessionLimit()).isEqualTo(1000);
        }

        @Test
        @DisplayName("has a DNIS group whose number keeps its text form, and no RADIUS")
        void dnisGroup() {
            VpdnGroup.RequestDialin g = config.requestDialinGroups().get(1);
            assertThat(g.dnis()).containsExactly("5551234");
            assertThat(g.domains()).isEmpty();
            assertThat(g.initiateTo().getFirst().port()).isEqualTo(1701);
            assertThat(config.radiusServers()).isEmpty();
            assertThat(config.aaa().tunnelAuthorization().methods()).containsExactly(AaaMethod.LOCAL);
            assertThat(config.aaa().accounting().isEmpty()).isTrue();
        }
    }

    @Nested
    @DisplayName("examples/lns.yaml")
    class Lns {
        private final VpdnConfig config = Loading.valid(Loading.LNS_EXAMPLE);

        @Test
        @DisplayName("accepts tunnels from lac1 onto virtual template 1")
        void group() {
            assertThat(config.role()).isEqualTo(Role.LNS);
            assertThat(config.hostname()).isEqualTo("lns1");
            VpdnGroup.AcceptDialin g = config.acceptDialinGroups().getFirst();
            assertThat(g.terminateFrom()).containsExactly("lac1");
            assertThat(g.virtualTemplate()).isEqualTo("1");
            assertThat(g.tunnelSecret()).contains(Secret.of("demo-tunnel-secret"));
            assertThat(g.lcpRenegotiation()).isEqualTo(LcpRenegotiation.ON_MISMATCH);
            assertThat(g.tunnelLimit()).isEqualTo(50);
            assertThat(g.userSessionLimit()).isEqualTo(2);
            assertThat(config.aaa().accountingInterimInterval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(config.l2tp().listenPort()).isEqualTo(1701);
        }

        @Test
        @DisplayName("clones sessions from a template that hands out 10.99.0.x")
        void template() throws Exception {
            VirtualTemplate t = config.virtualTemplate("1").orElseThrow();
            assertThat(t.localAddress()).isEqualTo(InetAddress.getByName("10.99.0.1"));
            assertThat(t.authProtocols()).containsExactly(AuthProtocol.CHAP, AuthProtocol.PAP);
            assertThat(t.mruBytes()).isEqualTo(1460);
            assertThat(t.keepaliveInterval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(t.dnsServers()).containsExactly((java.net.Inet4Address) InetAddress.getByName("10.99.0.1"));
            assertThat(t.idleTimeout()).isZero();
            IpPool pool = config.ipPool(t.peerPool()).orElseThrow();
            assertThat(pool.size()).isEqualTo(245);
        }

        @Test
        @DisplayName("knows alice and bob, bob with a static address")
        void users() throws Exception {
            assertThat(config.localUsers()).extracting(LocalUser::name)
                    .containsExactly("alice@example.com", "bob@example.com");
            LocalUser bob = config.localUser("bob@example.com").orElseThrow();
            assertThat(bob.password()).isEqualTo(Secret.of("bob-demo-password"));
            assertThat(bob.staticAddress()).contains((java.net.Inet4Address) InetAddress.getByName("10.99.0.50"));
            assertThat(bob.sessionLimit()).isEqualTo(1);
            assertThat(config.aaa().authentication().methods()).isEqualTo(List.of(AaaMethod.LOCAL));
            assertThat(config.admin().port()).isEqualTo(9180);
            assertThat(config.metrics().port()).isEqualTo(9181);
        }
    }
}
