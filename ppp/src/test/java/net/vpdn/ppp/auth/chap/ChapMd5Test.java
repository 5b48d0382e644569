package net.vpdn.ppp.auth.chap;

import static org.assertj.core.api.Assertions.assertThat;

import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CHAP-MD5 response (RFC 1994 §4.1)")
class ChapMd5Test {
    private static final Octets CHALLENGE = Octets.fromHex("00112233445566778899aabbccddeeff");

    @Test
    @DisplayName("is MD5 over identifier, secret, challenge (value computed independently with Python hashlib)")
    void vector() {
        assertThat(ChapMd5.response(0x2a, Secret.of("secret"), CHALLENGE))
                .isEqualTo(Octets.fromHex("b315fb98595bfed70521be60163cc41e"));
    }

    @Test
    @DisplayName("depends on the identifier, so a replayed response for another id fails")
    void identifierMatters() {
        Octets r = ChapMd5.response(1, Secret.of("secret"), CHALLENGE);
        assertThat(ChapMd5.verify(1, Secret.of("secret"), CHALLENGE, r)).isTrue();
        assertThat(ChapMd5.verify(2, Secret.of("secret"), CHALLENGE, r)).isFalse();
    }
}
