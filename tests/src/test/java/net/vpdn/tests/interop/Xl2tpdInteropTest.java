package net.vpdn.tests.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.l2tp.tunnel.TunnelParams;
import net.vpdn.tests.interop.OurEndpoint.Event;
import net.vpdn.tests.peers.CallEnd;
import net.vpdn.tests.peers.Capture;
import net.vpdn.tests.peers.FreePort;
import net.vpdn.tests.peers.RealPeers;
import net.vpdn.tests.peers.Tshark;
import net.vpdn.tests.peers.TsharkCheck;
import net.vpdn.tests.peers.Xl2tpd;
import net.vpdn.tests.peers.Xl2tpdEvent.CallClosedByPeer;
import net.vpdn.tests.peers.Xl2tpdEvent.CallEstablished;
import net.vpdn.tests.peers.Xl2tpdEvent.PeerResultCode;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelAuthFailed;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelClosedByPeer;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelEstablished;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our L2TP engine against a real xl2tpd 1.3.18 on 127.0.0.1, in both roles, with tunnel
 * authentication, every exchange captured and judged by tshark. The host has no kernel PPP, so
 * xl2tpd's pppd exits right after a call is up and xl2tpd clears the call with CDN result 1: the
 * tests check that this benign end is what happened, not a protocol error.
 */
@RealPeers
@DisplayName("our engine against a real xl2tpd")
class Xl2tpdInteropTest {
    static final String SECRET = "vpdn-interop-secret";

    @TempDir
    Path tmp;

    static CallParams icrq() {
        return CallParams.of(new Avp.CallingNumber("0311112222"), new Avp.CalledNumber("100"), new Avp.BearerType(true, false));
    }

    static CallParams iccn() {
        return CallParams.of(new Avp.TxConnectSpeed(100_000_000), new Avp.FramingType(true, false));
    }

    static void assertCleanCapture(Path pcap, int[] ports, String... oncePerRun) throws IOException {
        TsharkCheck c = Tshark.check(pcap, ports);
        assertThat(c.malformed()).as(c.summary()).isZero();
        assertThat(c.problems()).as(c.summary()).isEmpty();
        for (String m : oncePerRun) {
            assertThat(c.count(m)).as("%s in %s", m, c.summary()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("xl2tpd as LAC, our engine as LNS")
    class OurLns {
        @Test
        @DisplayName("a tunnel with mutual authentication and a call come up; xl2tpd's pppd exit clears the call with CDN 1; hang-up sends StopCCN")
        void tunnelAndCall() throws Exception {
            int[] ports = FreePort.udp(2);
            Path pcap = tmp.resolve("our-lns.pcap");
            try (Capture cap = Tshark.capture("lo", Tshark.udpPorts(ports), pcap);
                 OurEndpoint lns = OurEndpoint.lns(ports[0], "lac1", SECRET);
                 Xl2tpd lac = Xl2tpd.lac("vpdn").hostname("lac1").secret(SECRET).listenPort(ports[1])
                         .peer("127.0.0.1", ports[0]).start()) {
                lac.dial();
                TunnelEstablished theirs = lac.await(TunnelEstablished.class);
                Tunnel ours = lns.await(Event.TunnelUp.class).tunnel();
                assertThat(ours.peerHostName()).isEqualTo("lac1");
                assertThat(ours.peerId()).isEqualTo(theirs.localTunnelId());
                assertThat(theirs.remoteTunnelId()).isEqualTo(ours.localId());

                Session call = lns.await(Event.SessionUp.class).session();
                CallEstablished theirCall = lac.await(CallEstablished.class);
                assertThat(call.peerId()).isEqualTo(theirCall.localSessionId());
                assertThat(theirCall.remoteSessionId()).isEqualTo(call.localId());

                CallEnd end = lac.awaitCallEnd(OurEndpoint.TIMEOUT);
                assertThat(end).as("xl2tpd's own pppd ended the call").isInstanceOf(CallEnd.LocalPppdExited.class);
                Event.SessionDown down = lns.await(Event.SessionDown.class);
                assertThat(down.byPeer()).isTrue();
                assertThat(down.cause().resultCode()).isEqualTo(CdnResult.LOST_CARRIER.code());

                lac.hangUp();
                Event.TunnelDown tunnelDown = lns.await(Event.TunnelDown.class);
                assertThat(tunnelDown.byPeer()).isTrue();
                assertThat(tunnelDown.cause().resultCode()).isEqualTo(StopCcnResult.GENERAL_REQUEST_TO_CLEAR.code());
                assertThat(tunnelDown.cause().errorMessage()).isEqualTo("Goodbye!");
                lac.assertNoProtocolProblems();
            }
            assertCleanCapture(pcap, ports, "SCCRQ", "SCCRP", "SCCCN", "ICRQ", "ICRP", "ICCN", "CDN", "StopCCN");
        }

        @Test
        @DisplayName("xl2tpd with a wrong secret rejects our Challenge Response: StopCCN 2/6 reaches us")
        void theyDetectWrongSecret() throws Exception {
            int[] ports = FreePort.udp(2);
            Path pcap = tmp.resolve("our-lns-wrong-1.pcap");
            try (Capture cap = Tshark.capture("lo", Tshark.udpPorts(ports), pcap);
                 OurEndpoint lns = OurEndpoint.lns(ports[0], "lac1", SECRET);
                 Xl2tpd lac = Xl2tpd.lac("vpdn").hostname("lac1").secret("not-the-secret").listenPort(ports[1])
                         .peer("127.0.0.1", ports[0]).start()) {
                lac.dial();
                assertThat(lac.await(TunnelAuthFailed.class).peerHostname()).isEqualTo("lns1");
                Event.TunnelDown down = lns.await(Event.TunnelDown.class);
                assertThat(down.byPeer()).isTrue();
                assertThat(down.cause().resultCode()).isEqualTo(StopCcnResult.GENERAL_ERROR.code());
                assertThat(down.cause().errorCode()).isEqualTo(ErrorCode.VENDOR_SPECIFIC.code());
            }
            assertCleanCapture(pcap, ports, "SCCRQ", "SCCRP", "StopCCN");
        }

        @Test
        @DisplayName("xl2tpd with a wrong secret and no challenge of its own: we reject its SCCCN with StopCCN 4")
        void weDetectWrongSecret() throws Exception {
            int[] ports = FreePort.udp(2);
            Path pcap = tmp.resolve("our-lns-wrong-2.pcap");
            try (Capture cap = Tshark.capture("lo", Tshark.udpPorts(ports), pcap);
                 OurEndpoint lns = OurEndpoint.lns(ports[0], "lac1", SECRET);
                 Xl2tpd lac = Xl2tpd.lac("vpdn").hostname("lac1").secret("not-the-secret").challenge(false)
                         .listenPort(ports[1]).peer("127.0.0.1", ports[0]).start()) {
                lac.dial();
                Event.TunnelDown down = lns.await(Event.TunnelDown.class);
                assertThat(down.byPeer()).isFalse();
                assertThat(down.cause().resultCode()).isEqualTo(StopCcnResult.NOT_AUTHORIZED.code());
                assertThat(lac.await(PeerResultCode.class).resultCode()).isEqualTo(StopCcnResult.NOT_AUTHORIZED.code());
                lac.await(TunnelClosedByPeer.class);
            }
            assertCleanCapture(pcap, ports, "SCCRQ", "SCCRP", "SCCCN", "StopCCN");
        }

        @Test
        @DisplayName("an LAC host name we do not terminate is refused with StopCCN 4")
        void unknownLac() throws Exception {
            int[] ports = FreePort.udp(2);
            try (OurEndpoint lns = OurEndpoint.lns(ports[0], "some-other-lac", SECRET);
                 Xl2tpd lac = Xl2tpd.lac("vpdn").hostname("lac1").secret(SECRET).listenPort(ports[1])
                         .peer("127.0.0.1", ports[0]).start()) {
                lac.dial();
                assertThat(lac.await(PeerResultCode.class).resultCode()).isEqualTo(StopCcnResult.NOT_AUTHORIZED.code());
                assertThat(lac.events(TunnelEstablished.class)).isEmpty();
            }
        }
    }

    @Nested
    @DisplayName("our engine as LAC, xl2tpd as LNS")
    class OurLac {
        Tunnel open(OurEndpoint lac, int lnsPort, TunnelParams params) {
            return lac.endpoint.call(() -> lac.endpoint.engine().openTunnel(
                    new InetSocketAddress("127.0.0.1", lnsPort), params, lac)).join();
        }

        @Test
        @DisplayName("a tunnel and a call come up; we clear the call with CDN and the tunnel with StopCCN, and xl2tpd sees both")
        void weClear() throws Exception {
            int[] ports = FreePort.udp(2);
            Path pcap = tmp.resolve("our-lac.pcap");
            try (Capture cap = Tshark.capture("lo", Tshark.udpPorts(ports), pcap);
                 Xl2tpd lns = Xl2tpd.lns().hostname("lns1").secret(SECRET).listenPort(ports[1]).holdPppd(true).start();
                 OurEndpoint lac = OurEndpoint.lac(ports[0])) {
                Tunnel t = open(lac, ports[1], TunnelParams.defaults("lac1").withSecret(TunnelSecret.of(SECRET)));
                lac.await(Event.TunnelUp.class);
                TunnelEstablished theirs = lns.await(TunnelEstablished.class);
                assertThat(theirs.remoteTunnelId()).isEqualTo(t.localId());
                assertThat(t.peerHostName()).isEqualTo("lns1");

                lac.endpoint.execute(() -> t.placeCall(icrq(), iccn(), lac));
                Session call = lac.await(Event.SessionUp.class).session();
                CallEstablished theirCall = lns.await(CallEstablished.class);
                assertThat(theirCall.remoteSessionId()).isEqualTo(call.localId());

                call.close(CdnResult.ADMINISTRATIVE, ErrorCode.NO_GENERAL_ERROR, "subscriber hung up");
                lns.await(CallClosedByPeer.class);
                assertThat(lns.events(PeerResultCode.class)).last().extracting(PeerResultCode::resultCode)
                        .isEqualTo(CdnResult.ADMINISTRATIVE.code());

                t.close(StopCcnResult.GENERAL_REQUEST_TO_CLEAR, ErrorCode.NO_GENERAL_ERROR, "bye");
                assertThat(lns.await(TunnelClosedByPeer.class).message()).isEqualTo("bye");
                assertThat(lac.await(Event.TunnelDown.class).byPeer()).isFalse();
                lns.assertNoProtocolProblems();
            }
            assertCleanCapture(pcap, ports, "SCCRQ", "SCCRP", "SCCCN", "ICRQ", "ICRP", "ICCN", "CDN", "StopCCN");
        }

        @Test
        @DisplayName("xl2tpd's pppd exit clears the call with CDN 1, which we report as the peer's, not an error")
        void theirPppdExits() throws Exception {
            int[] ports = FreePort.udp(2);
            try (Xl2tpd lns = Xl2tpd.lns().hostname("lns1").secret(SECRET).listenPort(ports[1]).start();
                 OurEndpoint lac = OurEndpoint.lac(ports[0])) {
                Tunnel t = open(lac, ports[1], TunnelParams.defaults("lac1").withSecret(TunnelSecret.of(SECRET)));
                lac.endpoint.execute(() -> t.placeCall(icrq(), iccn(), lac));
                lac.await(Event.SessionUp.class);
                assertThat(lns.awaitCallEnd(OurEndpoint.TIMEOUT)).isInstanceOf(CallEnd.LocalPppdExited.class);
                Event.SessionDown down = lac.await(Event.SessionDown.class);
                assertThat(down.byPeer()).isTrue();
                assertThat(down.cause().resultCode()).isEqualTo(CdnResult.LOST_CARRIER.code());
                assertThat(lac.endpoint.call(t::state).join()).hasToString("ESTABLISHED");
                lns.assertNoProtocolProblems();
            }
        }

        @Test
        @DisplayName("with a wrong secret we reject xl2tpd's Challenge Response with StopCCN 4 and xl2tpd logs it")
        void weDetectWrongSecret() throws Exception {
            int[] ports = FreePort.udp(2);
            Path pcap = tmp.resolve("our-lac-wrong-1.pcap");
            try (Capture cap = Tshark.capture("lo", Tshark.udpPorts(ports), pcap);
                 Xl2tpd lns = Xl2tpd.lns().hostname("lns1").secret(SECRET).listenPort(ports[1]).start();
                 OurEndpoint lac = OurEndpoint.lac(ports[0])) {
                open(lac, ports[1], TunnelParams.defaults("lac1").withSecret(TunnelSecret.of("not-the-secret")));
                Event.TunnelDown down = lac.await(Event.TunnelDown.class);
                assertThat(down.byPeer()).isFalse();
                assertThat(down.cause().resultCode()).isEqualTo(StopCcnResult.NOT_AUTHORIZED.code());
                assertThat(lns.await(PeerResultCode.class).resultCode()).isEqualTo(StopCcnResult.NOT_AUTHORIZED.code());
            }
            assertCleanCapture(pcap, ports, "SCCRQ", "SCCRP", "StopCCN");
        }

        @Test
        @DisplayName("with a wrong secret and no challenge of ours, xl2tpd rejects our SCCCN with StopCCN 2/6")
        void theyDetectWrongSecret() throws Exception {
            int[] ports = FreePort.udp(2);
            try (Xl2tpd lns = Xl2tpd.lns().hostname("lns1").secret(SECRET).listenPort(ports[1]).start();
                 OurEndpoint lac = OurEndpoint.lac(ports[0])) {
                open(lac, ports[1], TunnelParams.defaults("lac1").withSecret(TunnelSecret.of("not-the-secret"))
                        .withChallengePeer(false));
                Event.TunnelDown down = lac.await(Event.TunnelDown.class);
                assertThat(down.byPeer()).isTrue();
                assertThat(down.cause().resultCode()).isEqualTo(StopCcnResult.GENERAL_ERROR.code());
                assertThat(down.cause().errorCode()).isEqualTo(ErrorCode.VENDOR_SPECIFIC.code());
                assertThat(lns.await(TunnelAuthFailed.class).peerHostname()).isEqualTo("lac1");
            }
        }
    }
}
