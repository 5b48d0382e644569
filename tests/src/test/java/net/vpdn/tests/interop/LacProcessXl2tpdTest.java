package net.vpdn.tests.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.lac.access.HangupCause;
import net.vpdn.lac.access.emulator.SubscriberReport;
import net.vpdn.tests.OneGroupLac;
import net.vpdn.lac.process.LacProcess;
import net.vpdn.tests.peers.CallEnd;
import net.vpdn.tests.peers.FreePort;
import net.vpdn.tests.peers.RealPeers;
import net.vpdn.tests.peers.Xl2tpd;
import net.vpdn.tests.peers.Xl2tpdEvent.CallClosedByPeer;
import net.vpdn.tests.peers.Xl2tpdEvent.CallEstablished;
import net.vpdn.tests.peers.Xl2tpdEvent.PeerResultCode;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelClosedByPeer;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelEstablished;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LAC process (configured from YAML as an operator would, subscribers from the built-in
 * emulator) placing calls into a real xl2tpd LNS on 127.0.0.1, with tunnel authentication. The host
 * has no kernel PPP: xl2tpd's pppd exits once a call is up and xl2tpd clears the call with CDN
 * result 1, the expected benign end, which the LAC passes to the subscriber as a network clear.
 */
@RealPeers
@DisplayName("the LAC process against a real xl2tpd LNS")
class LacProcessXl2tpdTest {
    static final String SECRET = "vpdn-interop-secret";

    @TempDir
    Path tmp;

    private LacProcess start(int lnsPort, String... options) throws Exception {
        return OneGroupLac.start(tmp, lnsPort, SECRET, List.of(options));
    }

    @Test
    @DisplayName("two subscribers' calls are accepted in one authenticated tunnel; xl2tpd's pppd exit clears them with CDN 1")
    void callsAccepted() throws Exception {
        int lnsPort = FreePort.udp();
        try (Xl2tpd lns = Xl2tpd.lns().hostname("lns1").secret(SECRET).listenPort(lnsPort).start();
             LacProcess lac = start(lnsPort, "--subscribers", "2", "--user-format", "sub%d@example.com", "--rate", "50")) {
            List<SubscriberReport> reports = lac.finished().get(30, TimeUnit.SECONDS);
            assertThat(lns.awaitCallEnd(Xl2tpd.DEFAULT_TIMEOUT)).isInstanceOfSatisfying(CallEnd.LocalPppdExited.class,
                    end -> assertThat(end.benign()).as("pppd exit code %d", end.exitCode()).isTrue());
            assertThat(lns.events(TunnelEstablished.class)).as("one tunnel for both calls").hasSize(1);
            assertThat(lns.events(CallEstablished.class)).hasSize(2);
            assertThat(reports).hasSize(2).allSatisfy(rep -> {
                assertThat(rep.droppedBy()).as(rep.toString()).contains(HangupCause.LNS_CLEARED);
                assertThat(rep.terminateRequestSeen()).isTrue();
                assertThat(rep.authFailureSeen()).isFalse();
            });
            assertThat(lac.counters().callsConnected()).isEqualTo(2);
            assertThat(lac.counters().callsClearedByNetwork()).isEqualTo(2);
            assertThat(lac.counters().refusals().values()).allMatch(n -> n == 0);
            lns.assertNoProtocolProblems();
        }
    }

    @Test
    @DisplayName("with xl2tpd's pppd held, closing the LAC process clears the call with CDN 3 and the tunnel with StopCCN")
    void shutdownClears() throws Exception {
        int lnsPort = FreePort.udp();
        try (Xl2tpd lns = Xl2tpd.lns().hostname("lns1").secret(SECRET).listenPort(lnsPort).holdPppd(true).start()) {
            LacProcess lac = start(lnsPort, "--user", "alice@example.com:pw");
            try {
                CallEstablished call = lns.await(CallEstablished.class);
                assertThat(call.remoteSessionId()).isPositive();
            } finally {
                lac.close();
            }
            lns.await(CallClosedByPeer.class);
            assertThat(lns.events(PeerResultCode.class)).extracting(PeerResultCode::resultCode)
                    .contains(CdnResult.ADMINISTRATIVE.code(), StopCcnResult.SHUTTING_DOWN.code());
            assertThat(lns.await(TunnelClosedByPeer.class).message()).isEqualTo("shutting down");
            assertThat(lac.finished().get(5, TimeUnit.SECONDS)).singleElement()
                    .satisfies(rep -> assertThat(rep.droppedBy()).contains(HangupCause.ADMINISTRATIVE));
            lns.assertNoProtocolProblems();
        }
    }
}
