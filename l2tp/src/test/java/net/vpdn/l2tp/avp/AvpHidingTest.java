package net.vpdn.l2tp.avp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.wire.Bytes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("AvpHiding (RFC 2661 §4.3)")
class AvpHidingTest {
    private static final TunnelSecret SECRET = TunnelSecret.of("s3cr3t");
    private static final byte[] RV = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

    private static byte[] md5(byte[]... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        for (byte[] p : parts) md.update(p);
        return md.digest();
    }

    @Nested
    @DisplayName("worked by hand")
    class ByHand {
        @Test
        @DisplayName("a 20-octet Proxy Authen Response hides as two chained segments, computed step by step")
        void chained() throws Exception {
            byte[] plain = "password-of-20-chars".getBytes(StandardCharsets.US_ASCII);
            assertThat(plain).hasSize(20);
            byte[] secret = "s3cr3t".getBytes(StandardCharsets.US_ASCII);
            // Subformat: Original Length 0x0014, then the 20 octets: 22 octets, so segments of 16 and 6.
            byte[] sub = new byte[22];
            sub[0] = 0x00;
            sub[1] = 0x14;
            System.arraycopy(plain, 0, sub, 2, 20);
            // b1 = MD5(attribute type 33 as 2 octets + secret + RV)
            byte[] b1 = md5(new byte[] {0x00, 0x21}, secret, RV);
            byte[] c1 = new byte[16];
            for (int i = 0; i < 16; i++) c1[i] = (byte) (sub[i] ^ b1[i]);
            // b2 = MD5(secret + c1); only the 6 remaining octets are XORed.
            byte[] b2 = md5(secret, c1);
            byte[] expected = new byte[22];
            System.arraycopy(c1, 0, expected, 0, 16);
            for (int i = 0; i < 6; i++) expected[16 + i] = (byte) (sub[16 + i] ^ b2[i]);

            byte[] hidden = AvpHiding.hide(33, plain, SECRET, RV, new byte[0]);
            assertThat(hidden).isEqualTo(expected);
            assertThat(AvpHiding.unhide(33, Bytes.of(hidden), SECRET, Bytes.of(RV)))
                    .isEqualTo(new AvpHiding.Unhidden.Plain(Bytes.of(plain)));
        }

        @Test
        @DisplayName("a 2-octet Assigned Session ID hides within one partial segment")
        void short_() throws Exception {
            byte[] b1 = md5(new byte[] {0x00, 0x0e}, "s3cr3t".getBytes(StandardCharsets.US_ASCII), RV);
            byte[] sub = {0x00, 0x02, 0x12, 0x34};
            byte[] expected = new byte[4];
            for (int i = 0; i < 4; i++) expected[i] = (byte) (sub[i] ^ b1[i]);
            assertThat(AvpHiding.hide(14, new byte[] {0x12, 0x34}, SECRET, RV, new byte[0])).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "value of {0} octets with padding")
    @ValueSource(ints = {0, 1, 13, 14, 15, 16, 30, 31, 32, 100, 1000})
    @DisplayName("hide then unhide returns the value, padding removed, around every segment boundary")
    void roundTrip(int n) {
        byte[] plain = new byte[n];
        for (int i = 0; i < n; i++) plain[i] = (byte) (i * 7);
        byte[] hidden = AvpHiding.hide(30, plain, SECRET, RV, new byte[] {9, 9, 9});
        assertThat(hidden).hasSize(n + 5);
        assertThat(AvpHiding.unhide(30, Bytes.of(hidden), SECRET, Bytes.of(RV)))
                .isEqualTo(new AvpHiding.Unhidden.Plain(Bytes.of(plain)));
    }

    @Nested
    @DisplayName("bounds of the deciphered Original Length")
    class Bounds {
        @Test
        @DisplayName("an Original Length larger than the octets that follow is refused, not read past")
        void forgedLength() {
            byte[] hidden = AvpHiding.hide(30, new byte[] {1, 2, 3}, SECRET, RV, new byte[0]);
            hidden[0] ^= (byte) 0x80; // Original Length becomes 0x8003
            assertThat(AvpHiding.unhide(30, Bytes.of(hidden), SECRET, Bytes.of(RV)))
                    .isEqualTo(new AvpHiding.Unhidden.Bad("hidden value of attribute 30 deciphers to Original Length"
                            + " 32771 but only 3 octets follow (wrong secret or forged AVP)"));
        }

        @Test
        @DisplayName("a hidden value shorter than the Original Length field is refused")
        void tooShort() {
            assertThat(AvpHiding.unhide(30, Bytes.fromHex("ab"), SECRET, Bytes.of(RV)))
                    .isInstanceOf(AvpHiding.Unhidden.Bad.class);
        }
    }
}
