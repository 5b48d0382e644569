package net.vpdn.lac.access.pppoe;

import static net.vpdn.lac.access.pppoe.DiscoveryTest.AC;
import static net.vpdn.lac.access.pppoe.DiscoveryTest.CLIENT;
import static net.vpdn.lac.access.pppoe.DiscoveryTest.OTHER;
import static net.vpdn.lac.access.pppoe.DiscoveryTest.SECRET;
import static net.vpdn.lac.access.pppoe.DiscoveryTest.padi;
import static net.vpdn.lac.access.pppoe.DiscoveryTest.padr;
import static net.vpdn.lac.access.pppoe.DiscoveryTest.sent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PPPoE discovery under a PADI storm: throttled PADIs get no PADO and are counted by reason")
class DiscoveryLimitTest {
    static final long S = 1_000_000_000L;

    static Discovery ac(int padiLimit, int perMac) {
        return new Discovery(new AcConfig(AC, FrameHeader.UNTAGGED, "vpdn-lac", List.of("internet"), SECRET, 100, padiLimit, perMac));
    }

    static Object outcome(List<DiscoveryAction> out) {
        assertThat(out).hasSize(1);
        return out.getFirst() instanceof DiscoveryAction.Dropped d ? d.reason() : ((DiscoveryAction.Send) out.getFirst()).code();
    }

    @Test
    @DisplayName("one MAC: 3 PADOs, then PADI_RATE_MAC; another MAC is still offered; a second later the first is again")
    void perMac() {
        Discovery ac = ac(1000, 3);
        List<Object> burst = IntStream.range(0, 6).mapToObj(i -> outcome(ac.receive(padi(CLIENT, "internet"), i * 1000L))).toList();
        assertThat(burst).containsExactly(Pppoe.PADO, Pppoe.PADO, Pppoe.PADO,
                PppoeDrop.PADI_RATE_MAC, PppoeDrop.PADI_RATE_MAC, PppoeDrop.PADI_RATE_MAC);
        assertThat(outcome(ac.receive(padi(OTHER, ""), 10_000L))).isEqualTo(Pppoe.PADO);
        assertThat(outcome(ac.receive(padi(CLIENT, ""), S))).isEqualTo(Pppoe.PADO);
    }

    @Test
    @DisplayName("the interface limit: past it any MAC gets PADI_RATE_INTERFACE until a token comes back")
    void perInterface() {
        Discovery ac = ac(2, 0);
        assertThat(outcome(ac.receive(padi(CLIENT, ""), 0))).isEqualTo(Pppoe.PADO);
        assertThat(outcome(ac.receive(padi(OTHER, ""), 0))).isEqualTo(Pppoe.PADO);
        long third = Pppoe.mac("52:54:00:00:00:03");
        assertThat(outcome(ac.receive(padi(third, ""), 0))).isEqualTo(PppoeDrop.PADI_RATE_INTERFACE);
        assertThat(outcome(ac.receive(padi(third, ""), S / 2))).isEqualTo(Pppoe.PADO);
    }

    @Test
    @DisplayName("PADIs we would not answer anyway spend no token, and a throttled client's PADR still opens its session")
    void onlyAnsweredPadisCount() {
        Discovery ac = ac(1000, 1);
        for (int i = 0; i < 10; i++) {
            assertThat(outcome(ac.receive(padi(CLIENT, "iptv"), 0))).isEqualTo(PppoeDrop.UNKNOWN_SERVICE);
        }
        List<DiscoveryAction> offer = ac.receive(padi(CLIENT, "internet"), 0);
        assertThat(outcome(offer)).as("the unknown-service PADIs did not use the MAC's tokens").isEqualTo(Pppoe.PADO);
        assertThat(List.of(outcome(ac.receive(padi(CLIENT, ""), 1)), outcome(ac.receive(padi(CLIENT, ""), 1))))
                .as("a limit of 1 a second still lets the burst of 3 through").containsOnly(Pppoe.PADO);
        assertThat(outcome(ac.receive(padi(CLIENT, "internet"), 1))).isEqualTo(PppoeDrop.PADI_RATE_MAC);
        List<DiscoveryAction> pads = ac.receive(padr(CLIENT, sent(offer.getFirst()), "internet"), 2);
        assertThat(pads).hasSize(2).element(1).isInstanceOf(DiscoveryAction.Opened.class);
        assertThat(ac.sessions()).isEqualTo(1);
    }
}
