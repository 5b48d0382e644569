package net.vpdn.aaa.radius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.SplittableRandom;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.packet.PacketType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Reply verification (RFC 2865 §3 Response Authenticator, RFC 3579 §3.2 Message-Authenticator)")
class RadiusWireTest {
    static final Secret SECRET = Secret.of("s3cret");
    static final Octets REQ_AUTH = Octets.fromHex("0f0e0d0c0b0a09080706050403020100");
    static final List<RadiusAttribute> ATTRS = List.of(Attributes.text("Reply-Message", "hi"),
            Attributes.integer("Session-Timeout", 60));

    static byte[] goodAccept() {
        return RadiusWire.reply(PacketType.ACCESS_ACCEPT, 7, ATTRS, SECRET, REQ_AUTH);
    }

    static DropReason reason(DecodeResult r) {
        return r instanceof DecodeResult.Malformed m ? m.reason() : null;
    }

    @Test
    @DisplayName("a correctly signed Access-Accept verifies and keeps its attributes")
    void good() {
        DecodeResult r = RadiusWire.verifyReply(goodAccept(), REQ_AUTH, SECRET, true);
        assertThat(r).isInstanceOfSatisfying(DecodeResult.Decoded.class, d -> {
            assertThat(d.code()).isEqualTo(PacketType.ACCESS_ACCEPT);
            assertThat(d.packet().getAttributes().getFirst().getType()).as("Message-Authenticator first").isEqualTo(80);
            assertThat(Attributes.integer(d.packet(), "Session-Timeout")).contains(60L);
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
            assertThat(reason(RadiusWire.verifyReply(b, REQ_AUTH, SECRET, true))).isEqualTo(DropReason.BAD_AUTHENTICATOR);
        }

        @Test
        @DisplayName("the wrong shared secret")
        void wrongSecret() {
            assertThat(reason(RadiusWire.verifyReply(goodAccept(), REQ_AUTH, Secret.of("other"), true))).isEqualTo(DropReason.BAD_AUTHENTICATOR);
        }

        @Test
        @DisplayName("no Message-Authenticator, though the Response Authenticator is right (the Blast-RADIUS forgery shape)")
        void missingMessageAuthenticator() {
            byte[] b = unsignedReply();
            assertThat(reason(RadiusWire.verifyReply(b, REQ_AUTH, SECRET, true))).isEqualTo(DropReason.MISSING_MESSAGE_AUTHENTICATOR);
            assertThat(RadiusWire.verifyReply(b, REQ_AUTH, SECRET, false)).isInstanceOf(DecodeResult.Decoded.class);
        }

        @Test
        @DisplayName("a wrong Message-Authenticator, with the Response Authenticator recomputed over it")
        void wrongMessageAuthenticator() {
            byte[] b = goodAccept();
            b[22] ^= 1; // first octet of the Message-Authenticator value (first attribute)
            resign(b);
            assertThat(reason(RadiusWire.verifyReply(b, REQ_AUTH, SECRET, true))).isEqualTo(DropReason.BAD_MESSAGE_AUTHENTICATOR);
        }

        @Test
        @DisplayName("an attribute whose length runs past the packet")
        void truncatedAttribute() {
            byte[] b = goodAccept();
            b[b.length - 5] = 0x7F; // length octet of the last attribute (Session-Timeout, 6 octets)
            assertThat(reason(RadiusWire.verifyReply(b, REQ_AUTH, SECRET, true))).isEqualTo(DropReason.TRUNCATED_ATTRIBUTE);
        }

        @Test
        @DisplayName("a Length field larger than the datagram")
        void badLength() {
            byte[] b = goodAccept();
            b[3] = (byte) (b[3] + 1);
            assertThat(reason(RadiusWire.verifyReply(b, REQ_AUTH, SECRET, true))).isEqualTo(DropReason.BAD_LENGTH);
        }

        @Test
        @DisplayName("fewer than 20 octets")
        void tooShort() {
            assertThat(reason(RadiusWire.verifyReply(new byte[19], REQ_AUTH, SECRET, true))).isEqualTo(DropReason.TOO_SHORT);
        }
    }

    /** An Access-Accept with a correct Response Authenticator but no Message-Authenticator. */
    static byte[] unsignedReply() {
        // the attributes after the first (the Message-Authenticator), under a rewritten Length
        byte[] signed = goodAccept();
        byte[] b = new byte[signed.length - 18];
        System.arraycopy(signed, 0, b, 0, 20);
        System.arraycopy(signed, 38, b, 20, b.length - 20);
        b[2] = (byte) (b.length >>> 8);
        b[3] = (byte) b.length;
        resign(b);
        return b;
    }

    /** Recomputes the Response Authenticator, as a forger knowing the secret-less MD5 state would. */
    static void resign(byte[] b) {
        REQ_AUTH.copyTo(b, 4);
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");
            md.update(b);
            md.update(SECRET.utf8());
            System.arraycopy(md.digest(), 0, b, 4, 16);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("a signed Accounting-Request verifies as a request; tampering breaks it")
    void hashedRequest() {
        RadiusWire.SignedRequest s = RadiusWire.hashedRequest(PacketType.DISCONNECT_REQUEST, 3,
                List.of(Attributes.text("Acct-Session-Id", "x")), SECRET);
        assertThat(RadiusWire.verifyHashedRequest(s.bytes(), SECRET, true)).isInstanceOf(DecodeResult.Decoded.class);
        byte[] b = s.bytes();
        b[b.length - 1] ^= 1;
        assertThat(reason(RadiusWire.verifyHashedRequest(b, SECRET, true))).isEqualTo(DropReason.BAD_AUTHENTICATOR);
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
            assertThatCode(() -> RadiusWire.verifyReply(b, REQ_AUTH, SECRET, true)).doesNotThrowAnyException();
            assertThatCode(() -> RadiusWire.verifyHashedRequest(b, SECRET, true)).doesNotThrowAnyException();
        }
    }
}
