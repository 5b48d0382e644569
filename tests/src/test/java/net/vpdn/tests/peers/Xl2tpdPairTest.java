package net.vpdn.tests.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import net.vpdn.tests.peers.Xl2tpdEvent.CallEstablished;
import net.vpdn.tests.peers.Xl2tpdEvent.PeerResultCode;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelAuthFailed;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelClosedByPeer;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelClosedLocally;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelEstablished;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the harness against the real thing: two xl2tpd on loopback, one LNS and one LAC, captured
 * with tshark. The engine's own interop tests replace one of the two with our LAC or LNS.
 */
@RealPeers
@DisplayName("xl2tpd LAC against xl2tpd LNS on 127.0.0.1")
class Xl2tpdPairTest {
    private static final String SECRET = "vpdn-interop-secret";
    private static final Duration T = Xl2tpd.DEFAULT_TIMEOUT;

    @TempDir
    Path tmp;

    @Nested
    @DisplayName("with the same tunnel secret on both sides")
    class SameSecret {
        // Only one side's pppd may end the call: when both pppd fail at once the CDNs cross and
        // xl2tpd 1.3.18 miscounts Nr (it acks an Ns never sent, then retransmits StopCCN forever).
        @Test
        @DisplayName("LAC's pppd finds no kernel PPP: the LAC clears the call with CDN result 1, the LNS calls it a peer CDN, then StopCCN 'Goodbye!'")
        void lacEndsTheCall() throws IOException {
            Pair pair = runPair(false);
            assertThat(pair.lacEnd()).isEqualTo(new CallEnd.LocalPppdExited(4));
            assertThat(pair.lnsEnd()).isEqualTo(new CallEnd.PeerSentCdn(1, 0, ""));
        }

        @Test
        @DisplayName("LNS's pppd finds no kernel PPP: the LNS clears the call with CDN result 1, the LAC calls it a peer CDN, then StopCCN 'Goodbye!'")
        void lnsEndsTheCall() throws IOException {
            Pair pair = runPair(true);
            assertThat(pair.lnsEnd()).isEqualTo(new CallEnd.LocalPppdExited(4));
            assertThat(pair.lacEnd()).isEqualTo(new CallEnd.PeerSentCdn(1, 0, ""));
        }

        private record Pair(CallEnd lacEnd, CallEnd lnsEnd) { }

        private Pair runPair(boolean lacHoldsPppd) throws IOException {
            int[] ports = FreePort.udp(2);
            Path pcap = tmp.resolve("pair.pcap");
            Pair pair;
            try (Capture cap = Tshark.capture("lo", Tshark.udpPorts(ports), pcap);
                 Xl2tpd lns = Xl2tpd.lns().hostname("lns1").secret(SECRET).listenPort(ports[0])
                         .holdPppd(!lacHoldsPppd).start();
                 Xl2tpd lac = Xl2tpd.lac("vpdn").hostname("lac1").secret(SECRET).listenPort(ports[1])
                         .peer("127.0.0.1", ports[0]).holdPppd(lacHoldsPppd).start()) {
                lac.dial();

                TunnelEstablished lacTunnel = lac.await(TunnelEstablished.class);
                TunnelEstablished lnsTunnel = lns.await(TunnelEstablished.class);
                assertThat(lacTunnel.localTunnelId()).isEqualTo(lnsTunnel.remoteTunnelId());
                assertThat(lnsTunnel.localTunnelId()).isEqualTo(lacTunnel.remoteTunnelId());
                assertThat(lnsTunnel.peerPort()).as("xl2tpd sends from its listen port").isEqualTo(ports[1]);

                CallEstablished lacCall = lac.await(CallEstablished.class);
                CallEstablished lnsCall = lns.await(CallEstablished.class);
                assertThat(lacCall.localSessionId()).isEqualTo(lnsCall.remoteSessionId());
                assertThat(lnsCall.localSessionId()).isEqualTo(lacCall.remoteSessionId());

                pair = new Pair(lac.awaitCallEnd(T), lns.awaitCallEnd(T));
                assertThat(pair.lacEnd().benign()).as("LAC call end %s", pair.lacEnd()).isTrue();
                assertThat(pair.lnsEnd().benign()).as("LNS call end %s", pair.lnsEnd()).isTrue();

                lac.hangUp();
                assertThat(lac.await(TunnelClosedLocally.class).message()).isEqualTo("Goodbye!");
                assertThat(lns.await(TunnelClosedByPeer.class).message()).isEqualTo("Goodbye!");
                assertThat(lns.events(PeerResultCode.class)).last().isEqualTo(new PeerResultCode(1, 0, "Goodbye!"));
                lac.assertNoProtocolProblems();
                lns.assertNoProtocolProblems();
            }
            TsharkCheck decoded = Tshark.check(pcap, ports);
            assertThat(decoded.problems()).as(decoded.summary()).isEmpty();
            assertThat(decoded.malformed()).isZero();
            for (String m : new String[] {"SCCRQ", "SCCRP", "SCCCN", "ICRQ", "ICRP", "ICCN", "CDN", "StopCCN"}) {
                assertThat(decoded.count(m)).as("%s in %s", m, decoded.summary()).isEqualTo(1);
            }
            assertThat(decoded.count("ZLB")).as(decoded.summary()).isPositive();
            assertThat(decoded.results()).extracting(TsharkCheck.Result::message, TsharkCheck.Result::resultCode,
                            TsharkCheck.Result::errorCode, TsharkCheck.Result::errorMessage)
                    .containsExactly(tuple("CDN", 1, 0, ""), tuple("StopCCN", 1, 0, "Goodbye!"));
            assertThat(Tshark.check(pcap).distinct("SCCRQ")).as("without -d for the free ports tshark sees no L2TP").isZero();
            return pair;
        }
    }

    @Nested
    @DisplayName("with different tunnel secrets")
    class WrongSecret {
        @Test
        @DisplayName("the LAC rejects the LNS's Challenge Response and sends StopCCN result 2, error 6")
        void lacDetects() throws IOException {
            int[] ports = FreePort.udp(2);
            Path pcap = tmp.resolve("wrong-lac.pcap");
            try (Capture cap = Tshark.capture("lo", Tshark.udpPorts(ports), pcap);
                 Xl2tpd lns = Xl2tpd.lns().hostname("lns1").secret(SECRET).listenPort(ports[0]).start();
                 Xl2tpd lac = Xl2tpd.lac("vpdn").hostname("lac1").secret("not-the-secret").listenPort(ports[1])
                         .peer("127.0.0.1", ports[0]).start()) {
                lac.dial();
                assertThat(lac.await(TunnelAuthFailed.class).peerHostname()).isEqualTo("lns1");
                assertThat(lac.await(TunnelClosedLocally.class).message()).isEqualTo("Invalid challenge authentication");
                assertThat(lns.await(PeerResultCode.class))
                        .isEqualTo(new PeerResultCode(2, 6, "Invalid challenge authentication"));
                assertThat(lns.await(TunnelClosedByPeer.class).message()).isEqualTo("Invalid challenge authentication");
                assertThat(lac.events(TunnelEstablished.class)).isEmpty();
                assertThat(lns.events(TunnelEstablished.class)).isEmpty();
            }
            assertWrongSecretOnWire(pcap, ports);
        }

        @Test
        @DisplayName("the LNS rejects the LAC's Challenge Response (LAC does not challenge) and sends StopCCN result 2, error 6")
        void lnsDetects() throws IOException {
            int[] ports = FreePort.udp(2);
            Path pcap = tmp.resolve("wrong-lns.pcap");
            try (Capture cap = Tshark.capture("lo", Tshark.udpPorts(ports), pcap);
                 Xl2tpd lns = Xl2tpd.lns().hostname("lns1").secret(SECRET).listenPort(ports[0]).start();
                 Xl2tpd lac = Xl2tpd.lac("vpdn").hostname("lac1").secret("not-the-secret").challenge(false)
                         .listenPort(ports[1]).peer("127.0.0.1", ports[0]).start()) {
                lac.dial();
                assertThat(lns.await(TunnelAuthFailed.class).peerHostname()).isEqualTo("lac1");
                assertThat(lns.await(TunnelClosedLocally.class).message()).isEqualTo("Invalid challenge authentication");
                assertThat(lac.await(PeerResultCode.class))
                        .isEqualTo(new PeerResultCode(2, 6, "Invalid challenge authentication"));
                assertThat(lac.await(TunnelClosedByPeer.class).message()).isEqualTo("Invalid challenge authentication");
            }
            assertWrongSecretOnWire(pcap, ports);
        }

        private void assertWrongSecretOnWire(Path pcap, int[] ports) throws IOException {
            TsharkCheck c = Tshark.check(pcap, ports);
            assertThat(c.problems()).as(c.summary()).isEmpty();
            assertThat(c.distinct("SCCRQ")).isEqualTo(1);
            assertThat(c.distinct("StopCCN")).isEqualTo(1);
            assertThat(c.distinct("ICCN")).isZero();
            assertThat(c.results()).singleElement().satisfies(r -> {
                assertThat(r.message()).isEqualTo("StopCCN");
                assertThat(r.resultCode()).isEqualTo(2);
                assertThat(r.errorCode()).isEqualTo(6);
                assertThat(r.errorMessage()).isEqualTo("Invalid challenge authentication");
            });
        }
    }
}
