package net.vpdn.l2tp.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.wire.Bytes;
import net.vpdn.l2tp.wire.MessageType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tunnel authentication, RFC 2661 §5.1.1 / §4.4.3")
class TunnelAuthTest {

    private static final TunnelSecret SECRET = TunnelSecret.of("secret");
    private static final Bytes CHALLENGE = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");

    @Test
    @DisplayName("the SCCRP response is MD5(0x02 ‖ secret ‖ challenge), computed by hand")
    void sccrpVector() {
        // md5(02 'secret' 00..0f) computed independently with Python's hashlib
        assertThat(TunnelAuth.response(MessageType.SCCRP, SECRET, CHALLENGE))
                .isEqualTo(Bytes.fromHex("dd4186e2196f00124a9d588f02701259"));
    }

    @Test
    @DisplayName("the SCCCN response uses 0x03 and so differs from the SCCRP one")
    void scccnVector() {
        assertThat(TunnelAuth.response(3, SECRET, CHALLENGE))
                .isEqualTo(Bytes.fromHex("8f3c2fa6fcfea72215ae83ea89ec2b77"));
    }

    @Test
    @DisplayName("verify accepts the right response and rejects a wrong secret, type, or truncated response")
    void verify() {
        Bytes good = Bytes.fromHex("dd4186e2196f00124a9d588f02701259");
        assertThat(TunnelAuth.verify(MessageType.SCCRP, SECRET, CHALLENGE, good)).isTrue();
        assertThat(TunnelAuth.verify(MessageType.SCCRP, TunnelSecret.of("Secret"), CHALLENGE, good)).isFalse();
        assertThat(TunnelAuth.verify(MessageType.SCCCN, SECRET, CHALLENGE, good)).isFalse();
        assertThat(TunnelAuth.verify(MessageType.SCCRP, SECRET, CHALLENGE, Bytes.of(good.toArray(), 0, 15))).isFalse();
    }
}
