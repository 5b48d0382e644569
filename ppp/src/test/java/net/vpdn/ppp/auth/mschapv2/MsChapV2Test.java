package net.vpdn.ppp.auth.mschapv2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The RFC 2759 §9.2 worked example, field by field. */
@DisplayName("MS-CHAPv2 against RFC 2759 §9.2")
class MsChapV2Test {
    private static final String USER = "User";
    private static final Secret PASSWORD = Secret.of("clientPass");
    private static final Octets AUTH_CHALLENGE = Octets.fromHex("5B5D7C7D7B3F2F3E3C2C602132262628");
    private static final Octets PEER_CHALLENGE = Octets.fromHex("21402324255E262A28295F2B3A337C7E");
    private static final Octets NT_RESPONSE = Octets.fromHex("82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF");

    private static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    @Test
    @DisplayName("ChallengeHash is D02E4386BCE91226")
    void challengeHash() {
        assertThat(hex(MsChapV2.challengeHash(PEER_CHALLENGE, AUTH_CHALLENGE, USER))).isEqualTo("D02E4386BCE91226");
    }

    @Test
    @DisplayName("PasswordHash is 44EBBA8D5312B8D611474411F56989AE and its hash 41C00C584BD2D91C4017A2A12FA59F3F")
    void passwordHash() {
        byte[] hash = MsChapV2.ntPasswordHash(PASSWORD);
        assertThat(hex(hash)).isEqualTo("44EBBA8D5312B8D611474411F56989AE");
        assertThat(hex(MsChapV2.hashNtPasswordHash(hash))).isEqualTo("41C00C584BD2D91C4017A2A12FA59F3F");
    }

    @Test
    @DisplayName("NT-Response is 82309ECD…D85D6DF")
    void ntResponse() {
        assertThat(MsChapV2.ntResponse(AUTH_CHALLENGE, PEER_CHALLENGE, USER, PASSWORD)).isEqualTo(NT_RESPONSE);
        assertThat(MsChapV2.verify(AUTH_CHALLENGE, PEER_CHALLENGE, USER, PASSWORD, NT_RESPONSE)).isTrue();
        assertThat(MsChapV2.verify(AUTH_CHALLENGE, PEER_CHALLENGE, USER, Secret.of("clientPasS"), NT_RESPONSE)).isFalse();
    }

    @Test
    @DisplayName("AuthenticatorResponse is S=407A5589115FD0D6209F510FE9C04566932CDA56")
    void authenticatorResponse() {
        assertThat(MsChapV2.authenticatorResponse(PASSWORD, NT_RESPONSE, PEER_CHALLENGE, AUTH_CHALLENGE, USER))
                .isEqualTo("S=407A5589115FD0D6209F510FE9C04566932CDA56");
    }

    @Test
    @DisplayName("a domain prefix is left out of the challenge hash, as §8.2 says")
    void domainStripped() {
        assertThat(MsChapV2.ntResponse(AUTH_CHALLENGE, PEER_CHALLENGE, "CORP\\User", PASSWORD)).isEqualTo(NT_RESPONSE);
    }
}
