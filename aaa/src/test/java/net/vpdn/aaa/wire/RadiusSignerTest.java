package net.vpdn.aaa.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.SplittableRandom;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Reply verification (RFC 2865 §3 Response Authenticator, RFC 3579 §3.2 Message-Authenticator)")
class RadiusSignerTest {
    static final Secret SECRET = Secret.of("s3cret");
    static final Octets REQ_AUTH = Octets.fromHex("0f0e0d0c0b0a09080706050403020100");
    static final List<RadiusAttribute> ATTRS = List.of(RadiusAttribute.text(Attr.REPLY_MESSAGE, "hi"),
            RadiusAttribute.integer(Attr.SESSION_TIMEOUT, 60));

    static byte[] goodAccept() {
        return RadiusSigner.reply(RadiusCode.ACCESS_ACCEPT, 7, ATTRS, SECRET, REQ_AUTH);
    }

    static DropReason reason(DecodeResult r) {
        return r instanceof DecodeResult.Malformed m ? m.reason() : null;
    }

    @Test
    @DisplayName("a correctly signed Access-Accept verifies and keeps its attributes")
    void good() {
        DecodeResult r = RadiusSigner.verifyReply(goodAccept(), REQ_AUTH, SECRET, true);
        assertThat(r).isInstanceOfSatisfying(DecodeResult.Decoded.class, d -> {
            assertThat(d.packet().code()).isEqualTo(RadiusCode.ACCESS_ACCEPT);
            assertThat(d.packet().first(Attr.SESSION_TIMEOUT).orElseThrow().asInteger()).isEqualTo(60);
        });
    }

    @Nested
    @DisplayName("malformed replies are rejected with a reason")
    class Malformed {
        @Test
        @DisplayName("a flipped bit in the Response Authenticator")
        void badAuthenticator() {
            byte[] b = goodAccept();
            b[4] ^= 1;
            assertThat(reason(RadiusSigner.verifyReply(b, REQ_AUTH, SECRET, true))).isEqualTo(DropReason.BAD_AUTHENTICATOR);
        }

        @Test
        @DisplayName("the wrong shared secret")
        void wrongSecret() {
            assertThat(reason(RadiusSigner.verifyReply(goodAccept(), REQ_AUTH, Secret.of("other"), true))).isEqualTo(DropReason.BAD_AUTHENTICATOR);
        }

        @Test
        @DisplayName("no Message-Authenticator, though the Response Authenticator is right (the Blast-RADIUS forgery shape)")
        void missingMessageAuthenticator() {
            byte[] b = unsignedReply();
            assertThat(reason(RadiusSigner.verifyReply(b, REQ_AUTH, SECRET, true))).isEqualTo(DropReason.MISSING_MESSAGE_AUTHENTICATOR);
            assertThat(RadiusSigner.verifyReply(b, REQ_AUTH, SECRET, false)).isInstanceOf(DecodeResult.Decoded.class);
        }

        @Test
        @DisplayName("a wrong Message-Authenticator, with the Response Authenticator recomputed over it")
        void wrongMessageAuthenticator() {
            byte[] b = goodAccept();
            b[22] ^= 1; // first octet of the Message-Authenticator value (first attribute)
            resign(b);
            assertThat(reason(RadiusSigner.verifyReply(b, REQ_AUTH, SECRET, true))).isEqualTo(DropReason.BAD_MESSAGE_AUTHENTICATOR);
        }

        @Test
        @DisplayName("an attribute whose length runs past the packet")
        void truncatedAttribute() {
            byte[] b = goodAccept();
            b[b.length - 5] = 0x7F; // length octet of the last attribute (Session-Timeout, 6 octets)
            assertThat(reason(RadiusSigner.verifyReply(b, REQ_AUTH, SECRET, true))).isEqualTo(DropReason.TRUNCATED_ATTRIBUTE);
        }

        @Test
        @DisplayName("a Length field larger than the datagram")
        void badLength() {
            byte[] b = goodAccept();
            b[3] = (byte) (b[3] + 1);
            assertThat(reason(RadiusSigner.verifyReply(b, REQ_AUTH, SECRET, true))).isEqualTo(DropReason.BAD_LENGTH);
        }

        @Test
        @DisplayName("fewer than 20 octets")
        void tooShort() {
            assertThat(reason(RadiusSigner.verifyReply(new byte[19], REQ_AUTH, SECRET, true))).isEqualTo(DropReason.TOO_SHORT);
        }
    }

    /** An Access-Accept with a correct Response Authenticator but no Message-Authenticator. */
    static byte[] unsignedReply() {
        byte[] b = RadiusCodec.encode(new RadiusPacket(RadiusCode.ACCESS_ACCEPT, 7, REQ_AUTH, ATTRS));
        resign(b);
        return b;
    }

    /** Recomputes the Response Authenticator, as a forger knowing the secret-less MD5 state would. */
    static void resign(byte[] b) {
        REQ_AUTH.copyTo(b, 4);
        System.arraycopy(RadiusSigner.md5(b, SECRET), 0, b, 4, 16);
    }

    @Test
    @DisplayName("a signed Accounting-Request verifies as a request; tampering breaks it")
    void hashedRequest() {
        RadiusSigner.SignedRequest s = RadiusSigner.hashedRequest(RadiusCode.DISCONNECT_REQUEST, 3,
                List.of(RadiusAttribute.text(Attr.ACCT_SESSION_ID, "x")), SECRET);
        assertThat(RadiusSigner.verifyHashedRequest(s.bytes(), SECRET, true)).isInstanceOf(DecodeResult.Decoded.class);
        byte[] b = s.bytes();
        b[b.length - 1] ^= 1;
        assertThat(reason(RadiusSigner.verifyHashedRequest(b, SECRET, true))).isEqualTo(DropReason.BAD_AUTHENTICATOR);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 11, 1234, 99999})
    @DisplayName("verification is total: random truncations, bit flips and length edits never throw")
    void total(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] good = goodAccept();
        for (int i = 0; i < 2000; i++) {
            byte[] b = java.util.Arrays.copyOf(good, rnd.nextInt(good.length + 4));
            int flips = rnd.nextInt(4);
            for (int f = 0; f < flips && b.length > 0; f++) {
                b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
            assertThatCode(() -> RadiusSigner.verifyReply(b, REQ_AUTH, SECRET, true)).doesNotThrowAnyException();
            assertThatCode(() -> RadiusSigner.verifyHashedRequest(b, SECRET, true)).doesNotThrowAnyException();
        }
    }
}
