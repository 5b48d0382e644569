package net.vpdn.lns;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.session.PppOutput;
import net.vpdn.ppp.session.PppSession;
import net.vpdn.ppp.session.PppSessionConfig;
import net.vpdn.vtemplate.LcpRenegotiation;
import net.vpdn.vtemplate.TerminateCause;
import net.vpdn.vtemplate.VirtualAccessState;
import net.vpdn.vtemplate.VirtualTemplate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LNS adopting proxied LCP and authentication (RFC 2661 §4.4.5)")
class ProxyLcpTest {

    /** The LAC's PPP endpoint: negotiates LCP with the client, takes its CHAP response, hands off. */
    private static PppOutput.HandOff negotiateAtLac(Fixture.Call c) {
        PppSession lac = new PppSession(new PppSessionConfig(LcpPolicy.lnsDefaults(List.of(AuthMethod.CHAP_MD5)),
                CpConfig.rfcDefaults(), Optional.empty(), false, Duration.ofSeconds(10), 3, AuthTiming.defaults(),
                "lac", Optional.empty(), true), PppRandom.seeded(99));
        PppOutput.HandOff[] handOff = new PppOutput.HandOff[1];
        java.util.function.Consumer<List<PppOutput>> lacApply = new java.util.function.Consumer<>() {
            @Override
            public void accept(List<PppOutput> outputs) {
                for (PppOutput o : outputs) {
                    if (o instanceof PppOutput.SendFrame f) {
                        c.client.deliver(Unpooled.wrappedBuffer(f.frame().toArray()));
                    } else if (o instanceof PppOutput.HandOff h) {
                        handOff[0] = h;
                    }
                }
            }
        };
        c.client.target = bytes -> c.client.loop.execute(() -> lacApply.accept(lac.receive(bytes)));
        c.client.loop.execute(() -> c.client.apply(c.client.ppp.lowerUp()));
        c.client.loop.execute(() -> lacApply.accept(lac.lowerUp()));
        c.client.loop.drain();
        assertThat(handOff[0]).as("LAC handed off").isNotNull();
        return handOff[0];
    }

    private static Fixture.Call handOffToLns(Fixture f) {
        Fixture.Call c = f.call("alice", "wonderland", 1);
        PppOutput.HandOff h = negotiateAtLac(c);
        c.client.connectTo(c.lns);
        f.loop.execute(() -> c.lns.start(Optional.of(h.lcp()), h.auth()));
        f.loop.drain();
        return c;
    }

    @Test
    @DisplayName("adopts the LAC's LCP and verifies the proxied CHAP response without any LCP exchange")
    void adopts() {
        Fixture f = new Fixture();
        Fixture.Call c = handOffToLns(f);
        assertThat(c.lns.access().state()).isEqualTo(VirtualAccessState.UP);
        assertThat(c.client.ipv4).isNotNull();
        assertThat(c.link.lcpFramesSent).isZero();
        assertThat(c.lns.access().user()).contains("alice");
        c.ping(Fixture.GATEWAY, 3);
        assertThat(c.client.delivered).hasSize(1);
    }

    @Test
    @DisplayName("renegotiates LCP when the template's MRU is below what the LAC let the client send")
    void renegotiatesOnMru() {
        Fixture f = new Fixture(Fixture.template().withMru(1400));
        Fixture.Call c = handOffToLns(f);
        assertThat(c.link.lcpFramesSent).isPositive();
        assertThat(c.lns.access().state()).isEqualTo(VirtualAccessState.UP);
        assertThat(c.lns.access().ppp().lcp().negotiated().localMru()).isEqualTo(1400);
    }

    @Test
    @DisplayName("renegotiates and authenticates afresh when the template does not accept the LAC's method")
    void renegotiatesOnAuth() {
        Fixture f = new Fixture(Fixture.template().withAuthProtocols(List.of(AuthMethod.PAP)));
        Fixture.Call c = handOffToLns(f);
        assertThat(c.link.lcpFramesSent).isPositive();
        assertThat(c.lns.access().state()).isEqualTo(VirtualAccessState.UP);
        assertThat(c.lns.access().ppp().lcp().negotiated().authOfPeer()).contains(AuthMethod.PAP);
    }

    @Test
    @DisplayName("always renegotiates when the template says so")
    void always() {
        Fixture f = new Fixture(Fixture.template().withLcpRenegotiation(LcpRenegotiation.ALWAYS));
        Fixture.Call c = handOffToLns(f);
        assertThat(c.link.lcpFramesSent).isPositive();
        assertThat(c.lns.access().state()).isEqualTo(VirtualAccessState.UP);
    }

    @Test
    @DisplayName("with renegotiation forbidden, proxied LCP it cannot adopt clears the call")
    void neverButMismatch() {
        VirtualTemplate t = Fixture.template().withMru(1400).withLcpRenegotiation(LcpRenegotiation.NEVER);
        Fixture f = new Fixture(t);
        Fixture.Call c = handOffToLns(f);
        assertThat(c.lns.access().closeCause()).contains(TerminateCause.SERVICE_UNAVAILABLE);
        assertThat(c.link.hangUps).containsExactly(TerminateCause.SERVICE_UNAVAILABLE);
        assertThat(c.link.framesSent).isZero();
        assertThat(f.cloner.live()).isZero();
    }
}
