package net.vpdn.lns.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.vpdn.config.ReloadPlan;
import net.vpdn.l2tp.avp.StopCcnResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Reload of the running LNS process")
class ReloadTest {
    @TempDir
    Path dir;
    final ProcessFixture fixture = new ProcessFixture();

    @Test
    @DisplayName("terminate-from and local users apply at once; a host name change waits for a restart")
    void liveAndRestart() throws Exception {
        try (TestLac lac = new TestLac(); TestLac lac2 = new TestLac(); LnsProcess lns = fixture.start(dir)) {
            lac.openTunnel(lns.l2tpAddress(), "lac2", ProcessFixture.SECRET);
            assertThat(lac.awaitTunnelDown().resultCode()).isEqualTo(StopCcnResult.NOT_AUTHORIZED.code());

            ReloadResult r = lns.reload(ProcessFixture.load(dir, "vpdn-groups.0.terminate-from=lac1,lac2",
                    "local-users.2.name=carol@example.com", "local-users.2.password=carol-password", "hostname=lns9"));

            assertThat(r.applied()).extracting(ReloadPlan.Change::key)
                    .contains("vpdn-groups[from-lac1].terminate-from", "local-users[carol@example.com]");
            assertThat(r.needsRestart()).extracting(ReloadPlan.Change::key)
                    .containsExactlyInAnyOrder("hostname", "vpdn-groups[from-lac1].local-name");
            assertThat(lns.config().hostname()).isEqualTo("lns1");
            var t = lac2.openTunnel(lns.l2tpAddress(), "lac2", ProcessFixture.SECRET).get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(t.peerHostName()).as("still the running host name").isEqualTo("lns1");
            var ipcp = lac2.dialToIpcp(t, "carol@example.com", "carol-password");
            assertThat(ipcp.localAddress().toString()).startsWith("10.99.0.");
        }
    }
}
