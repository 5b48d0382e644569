package net.vpdn.tests.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.vpdn.config.ConfigLoader;
import net.vpdn.config.ConfigResult;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.lns.process.LnsProcess;
import net.vpdn.tests.peers.FreePort;
import net.vpdn.tests.peers.RealPeers;
import net.vpdn.tests.peers.Xl2tpd;
import net.vpdn.tests.peers.Xl2tpdEvent.CallEstablished;
import net.vpdn.tests.peers.Xl2tpdEvent.PeerResultCode;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelClosedByPeer;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelEstablished;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LNS process (configured from YAML as an operator would) against a real xl2tpd LAC on
 * 127.0.0.1: tunnel acceptance by {@code terminate-from} and the group's secret. xl2tpd's pppd
 * cannot run here (no kernel PPP), so calls end right after they are established.
 */
@RealPeers
@DisplayName("the LNS process against a real xl2tpd LAC")
class LnsProcessXl2tpdTest {
    static final String SECRET = "vpdn-interop-secret";

    @TempDir
    Path tmp;

    private LnsProcess start(int port) throws Exception {
        String yaml = """
                role: lns
                hostname: lns1
                l2tp: {listen-address: 127.0.0.1, listen-port: %d}
                vpdn-groups:
                  - name: from-lac1
                    accept-dialin: {virtual-template: "1"}
                    terminate-from: [lac1]
                    tunnel-secret: "%s"
                virtual-templates:
                  - {name: "1", local-address: 10.99.0.1, peer-pool: p}
                ip-pools:
                  - {name: p, first: 10.99.0.10, last: 10.99.0.250}
                local-users:
                  - {name: alice, password: "alice-password"}
                admin: {enabled: false}
                metrics: {enabled: false}
                """.formatted(port, SECRET);
        Path file = Files.writeString(tmp.resolve("lns.yaml"), yaml);
        ConfigResult r = ConfigLoader.load(file, Map.of(), List.of());
        assertThat(r).as(r.toString()).isInstanceOf(ConfigResult.Loaded.class);
        return LnsProcess.start(((ConfigResult.Loaded) r).config());
    }

    @Test
    @DisplayName("lac1 with the group's secret gets a tunnel and its call is answered")
    void accepted() throws Exception {
        int[] ports = FreePort.udp(2);
        try (LnsProcess lns = start(ports[0]);
             Xl2tpd lac = Xl2tpd.lac("vpdn").hostname("lac1").secret(SECRET).listenPort(ports[1])
                     .peer("127.0.0.1", ports[0]).start()) {
            lac.dial();
            TunnelEstablished t = lac.await(TunnelEstablished.class);
            assertThat(t.remoteTunnelId()).isPositive();
            CallEstablished call = lac.await(CallEstablished.class);
            assertThat(call.remoteSessionId()).isPositive();
            lac.assertNoProtocolProblems();
        }
    }

    @Test
    @DisplayName("a LAC host name no group terminates is refused with StopCCN 4 (not authorized)")
    void unknownHost() throws Exception {
        int[] ports = FreePort.udp(2);
        try (LnsProcess lns = start(ports[0]);
             Xl2tpd lac = Xl2tpd.lac("vpdn").hostname("lac9").secret(SECRET).listenPort(ports[1])
                     .peer("127.0.0.1", ports[0]).start()) {
            lac.dial();
            assertThat(lac.await(PeerResultCode.class).resultCode()).isEqualTo(StopCcnResult.NOT_AUTHORIZED.code());
            lac.await(TunnelClosedByPeer.class);
            assertThat(lac.events(TunnelEstablished.class)).isEmpty();
        }
    }

    @Test
    @DisplayName("lac1 with a wrong secret (and no challenge of its own) is refused with StopCCN 4")
    void wrongSecret() throws Exception {
        int[] ports = FreePort.udp(2);
        try (LnsProcess lns = start(ports[0]);
             Xl2tpd lac = Xl2tpd.lac("vpdn").hostname("lac1").secret("not-the-secret").challenge(false)
                     .listenPort(ports[1]).peer("127.0.0.1", ports[0]).start()) {
            lac.dial();
            assertThat(lac.await(PeerResultCode.class).resultCode()).isEqualTo(StopCcnResult.NOT_AUTHORIZED.code());
            lac.await(TunnelClosedByPeer.class);
            assertThat(lns.counters().engineSessions()).isZero();
        }
    }
}
