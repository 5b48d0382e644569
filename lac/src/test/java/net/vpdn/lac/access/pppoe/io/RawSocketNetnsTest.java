package net.vpdn.lac.access.pppoe.io;

import net.vpdn.runtime.os.NetNs;
import net.vpdn.runtime.os.Poller;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Optional;
import net.vpdn.lac.access.pppoe.DiscoveryPacket;
import net.vpdn.lac.access.pppoe.Pppoe;
import net.vpdn.lac.access.pppoe.PppoeEncoder;
import net.vpdn.lac.access.pppoe.Tag;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AF_PACKET raw socket through FFM, on a veth pair in a namespace the test creates")
class RawSocketNetnsTest {

    @Test
    @DisplayName("a PADI sent on one end arrives whole on the other, bound to the discovery EtherType; MAC and index read")
    void frameCrossesVeth() throws Exception {
        String ns = "vpdn-raw-" + ProcessHandle.current().pid();
        try (TestNetns net = TestNetns.withVeth(ns, "vraw0", "vraw1");
             RawSocket a = NetNs.call(Optional.of(ns), () -> RawSocket.open("vraw0", Pppoe.ETHERTYPE_DISCOVERY));
             RawSocket b = NetNs.call(Optional.of(ns), () -> RawSocket.open("vraw1", Pppoe.ETHERTYPE_DISCOVERY));
             Arena arena = Arena.ofConfined()) {
            String link = net.exec("ip", "link", "show", "vraw0");
            assertThat(link).contains(Pppoe.macString(a.mac()));
            assertThat(a.interfaceIndex()).isPositive();
            byte[] padi = PppoeEncoder.discovery(new DiscoveryPacket(Pppoe.BROADCAST, a.mac(), -1, Pppoe.PADI, 0,
                    List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, "internet"))));
            MemorySegment out = arena.allocate(2048);
            MemorySegment.copy(padi, 0, out, ValueLayout.JAVA_BYTE, 0, padi.length);
            MemorySegment in = arena.allocate(2048);
            assertThat(b.receive(in)).as("nothing waiting: non-blocking").isZero();
            assertThat(a.send(out, padi.length)).isTrue();
            try (Poller poller = new Poller(b.fd())) {
                assertThat(poller.await(5000)).as("poll sees the frame").isEqualTo(1);
            }
            int n = b.receive(in);
            assertThat(n).isEqualTo(padi.length);
            assertThat(in.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE)).isEqualTo(padi);
        }
    }

    @Test
    @DisplayName("a missing interface is an IOException naming it, not a crash")
    void missingInterface() throws Exception {
        TestNetns.assumeRootAndIp();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RawSocket.open("vpdn-nope0", Pppoe.ETHERTYPE_SESSION))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("vpdn-nope0");
    }
}
