package net.vpdn.tests.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.vpdn.l2tp.wire.PacketEncoder;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.auth.LocalVerifier;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.ipcp.IpcpPolicy;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.ipcp.Ipv4AddressSource;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.session.PppOutput;
import net.vpdn.ppp.session.PppPhase;
import net.vpdn.ppp.session.PppSession;
import net.vpdn.ppp.session.PppSessionConfig;
import net.vpdn.tests.peers.PcapWriter;
import net.vpdn.tests.peers.RealPeers;
import net.vpdn.tests.peers.Tshark;
import net.vpdn.tests.peers.TsharkCheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Wireshark's PPP dissectors (LCP, PAP, CHAP, IPCP, IPv6CP) judge the frames of a whole
 * negotiation between our LNS-side and client-side PPP endpoints, carried in L2TP data messages
 * as they would be on the wire.
 */
@RealPeers
@DisplayName("tshark decodes a whole PPP negotiation of ours")
class PppWireTsharkTest {
    static final int LAC_PORT = 40011;
    static final int LNS_PORT = 40012;

    @TempDir
    Path tmp;

    record Frame(boolean fromLns, byte[] bytes) { }

    @ParameterizedTest(name = "{0}")
    @EnumSource(AuthMethod.class)
    @DisplayName("LCP, authentication, IPCP and IPv6CP frames: no malformed packet, no expert warning")
    void negotiation(AuthMethod method) throws IOException {
        PppSession lns = new PppSession(new PppSessionConfig(LcpPolicy.lnsDefaults(List.of(method)), CpConfig.rfcDefaults(),
                Optional.of(IpcpPolicy.server(Ipv4Address.of("10.0.0.1"), Ipv4AddressSource.fixed(Ipv4Address.of("10.0.0.42")),
                        Optional.of(Ipv4Address.of("192.0.2.53")), Optional.empty())),
                true, Duration.ofSeconds(10), 3, AuthTiming.defaults(), "lns1", Optional.empty(), false), PppRandom.seeded(1));
        PppSession client = new PppSession(new PppSessionConfig(LcpPolicy.clientDefaults(), CpConfig.rfcDefaults(),
                Optional.of(IpcpPolicy.client()), true, Duration.ofSeconds(10), 3, AuthTiming.defaults(), "client",
                Optional.of(new PppSessionConfig.Credentials("alice", Secret.of("wonderland"))), false), PppRandom.seeded(2));
        LocalVerifier verifier = new LocalVerifier(Map.of("alice", Secret.of("wonderland")));

        Deque<Frame> wire = new ArrayDeque<>();
        List<Frame> captured = new java.util.ArrayList<>();
        Relay relay = new Relay(lns, client, verifier, wire, captured);
        relay.emit(lns, lns.lowerUp());
        relay.emit(client, client.lowerUp());
        for (int steps = 0; !wire.isEmpty() && steps < 500; steps++) {
            Frame f = wire.poll();
            PppSession to = f.fromLns() ? client : lns;
            relay.emit(to, to.receive(f.bytes()));
        }
        assertThat(lns.phase()).isEqualTo(PppPhase.NETWORK);
        assertThat(client.phase()).isEqualTo(PppPhase.NETWORK);

        Path pcap = tmp.resolve(method + ".pcap");
        try (PcapWriter w = PcapWriter.create(pcap)) {
            for (Frame f : captured) {
                byte[] l2tp = f.fromLns() ? PacketEncoder.encodeData(0x1111, 0x2222, false, 0, 0, f.bytes())
                        : PacketEncoder.encodeData(0x3333, 0x4444, false, 0, 0, f.bytes());
                if (f.fromLns()) w.udp(LNS_PORT, LAC_PORT, l2tp);
                else w.udp(LAC_PORT, LNS_PORT, l2tp);
            }
        }
        TsharkCheck c = Tshark.check(pcap, LAC_PORT, LNS_PORT);
        assertThat(c.packets()).isEqualTo(captured.size()).isGreaterThan(8);
        assertThat(c.malformed()).as(c.summary()).isZero();
        assertThat(c.problems()).as(c.summary()).isEmpty();
        String decoded = String.join("\n", Tshark.summaries(pcap, LAC_PORT, LNS_PORT));
        assertThat(decoded).contains("Configuration Request", "Configuration Ack");
        if (method != AuthMethod.PAP) {
            assertThat(decoded).as("CHAP never puts the secret on the wire").doesNotContain("wonderland");
        }
    }

    /** Passes frames between the two endpoints and answers the LNS's verification requests. */
    private record Relay(PppSession lns, PppSession client, LocalVerifier verifier, Deque<Frame> wire, List<Frame> captured) {
        void emit(PppSession from, List<PppOutput> outputs) {
            for (PppOutput o : outputs) {
                switch (o) {
                    case PppOutput.SendFrame s -> {
                        Frame f = new Frame(from == lns, s.frame().toArray());
                        wire.add(f);
                        captured.add(f);
                    }
                    case PppOutput.Verify v -> emit(from, from.verdict(v.attempt(),
                            verifier.verify(v.request()).toCompletableFuture().join()));
                    default -> { }
                }
            }
        }
    }
}
