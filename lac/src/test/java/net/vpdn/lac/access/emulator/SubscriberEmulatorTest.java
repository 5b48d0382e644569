package net.vpdn.lac.access.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.session.PppOutput;
import net.vpdn.ppp.session.PppSession;
import net.vpdn.ppp.wire.PppProtocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("the emulated subscriber's PPP client")
class SubscriberEmulatorTest {
    private static final int PFC = 7;
    private static final int ACFC = 8;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = AuthMethod.class, names = {"CHAP_MD5", "PAP"})
    @DisplayName("requests neither PFC nor ACFC, which a Linux pppd LNS acks but its kernel PPPoL2TP cannot receive")
    void noFieldCompressionRequested(AuthMethod auth) {
        SubscriberProfile p = new SubscriberProfile("alice@example.com", Secret.of("alicepass"), "0311100001", "",
                auth, 0, Duration.ofSeconds(1));
        PppSession session = new PppSession(SubscriberEmulator.clientConfig(p), PppRandom.seeded(1));
        byte[] confReq = session.lowerUp().stream()
                .filter(o -> o instanceof PppOutput.SendFrame s && s.protocol() == PppProtocol.LCP.number())
                .map(o -> ((PppOutput.SendFrame) o).frame().toArray()).findFirst().orElseThrow();
        List<Integer> types = lcpOptionTypes(confReq);
        assertThat(types).as("LCP Configure-Request option types").isNotEmpty().doesNotContain(PFC, ACFC);
    }

    /** The option types of an LCP Configure-Request frame (with or without FF 03). */
    private static List<Integer> lcpOptionTypes(byte[] f) {
        int off = (f[0] & 0xFF) == 0xFF && f[1] == 0x03 ? 2 : 0;
        assertThat(((f[off] & 0xFF) << 8) | (f[off + 1] & 0xFF)).isEqualTo(PppProtocol.LCP.number());
        assertThat(f[off + 2]).as("Configure-Request").isEqualTo((byte) 1);
        int length = ((f[off + 4] & 0xFF) << 8) | (f[off + 5] & 0xFF);
        List<Integer> types = new ArrayList<>();
        for (int i = off + 6; i < off + 2 + length; i += f[i + 1] & 0xFF) {
            types.add(f[i] & 0xFF);
        }
        return types;
    }
}
