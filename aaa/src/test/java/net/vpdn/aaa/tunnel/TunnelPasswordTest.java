package net.vpdn.aaa.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Tunnel-Password salt encryption, RFC 2868 §3.5")
class TunnelPasswordTest {
    static final Secret SECRET = Secret.of("xyzzy5461");
    /** Request Authenticator 0x10 0x11 ... 0x1f. */
    static final Octets R = Octets.fromHex("101112131415161718191a1b1c1d1e1f");

    @Nested
    @DisplayName("hand-worked vectors")
    class Vectors {
        /*
         * One block. Salt A = 0x8123 (high bit set). P = Data-Length 09 | "t0psecret" | 6 zero octets:
         *   p1 = 09 74 30 70 73 65 63 72 65 74 00 00 00 00 00 00
         *   b1 = MD5("xyzzy5461" | R | 81 23) = 8ae2055b19c9ec7e68b5e50dc3dd87ed
         *   c1 = p1 xor b1 = 8396352b6aac8f0c0dc1e50dc3dd87ed
         * Attribute value = tag 01 | salt 81 23 | c1.
         */
        static final String ONE_BLOCK = "01" + "8123" + "8396352b6aac8f0c0dc1e50dc3dd87ed";
        /*
         * Two blocks: "0123456789abcdefghij" (20 octets) → P = 14 | password | 11 zero octets;
         * b2 = MD5(secret | c1): the chain continues from the ciphertext.
         */
        static final String TWO_BLOCKS = "02" + "8123" + "9ed234692afdd9485f8ddc6ca1bee3887acd2413ee9aa511ca2827c424017c3a";

        @Test
        @DisplayName("encrypting t0psecret under salt 0x8123 gives the worked ciphertext")
        void encryptOneBlock() {
            assertThat(TunnelPassword.encrypt(1, Secret.of("t0psecret"), 0x0123, SECRET, R)).isEqualTo(Octets.fromHex(ONE_BLOCK));
        }

        @Test
        @DisplayName("decrypting the worked one-block value gives tag 1 and t0psecret")
        void decryptOneBlock() {
            assertThat(TunnelPassword.decrypt(Octets.fromHex(ONE_BLOCK), SECRET, R))
                    .isEqualTo(new TunnelPassword.Result.Ok(1, Secret.of("t0psecret")));
        }

        @Test
        @DisplayName("the second block is chained on the first ciphertext block")
        void twoBlocks() {
            assertThat(TunnelPassword.encrypt(2, Secret.of("0123456789abcdefghij"), 0x8123, SECRET, R)).isEqualTo(Octets.fromHex(TWO_BLOCKS));
            assertThat(TunnelPassword.decrypt(Octets.fromHex(TWO_BLOCKS), SECRET, R))
                    .isEqualTo(new TunnelPassword.Result.Ok(2, Secret.of("0123456789abcdefghij")));
        }

        @Test
        @DisplayName("the decrypted result never prints the password")
        void redacted() {
            assertThat(TunnelPassword.decrypt(Octets.fromHex(ONE_BLOCK), SECRET, R).toString()).doesNotContain("t0psecret");
        }
    }

    @Nested
    @DisplayName("malformed values give a reason, never an exception")
    class Malformed {
        @Test
        @DisplayName("shorter than tag, salt and one block")
        void tooShort() {
            assertThat(TunnelPassword.decrypt(Octets.fromHex("018123" + "00".repeat(15)), SECRET, R))
                    .isInstanceOfSatisfying(TunnelPassword.Result.Failed.class, f -> assertThat(f.problem()).isEqualTo(TunnelPassword.Problem.TOO_SHORT));
        }

        @Test
        @DisplayName("ciphertext not a multiple of 16")
        void unaligned() {
            assertThat(TunnelPassword.decrypt(Octets.fromHex("018123" + "00".repeat(17)), SECRET, R))
                    .isInstanceOfSatisfying(TunnelPassword.Result.Failed.class, f -> assertThat(f.problem()).isEqualTo(TunnelPassword.Problem.NOT_BLOCK_ALIGNED));
        }

        @Test
        @DisplayName("salt without its high bit")
        void saltHighBit() {
            assertThat(TunnelPassword.decrypt(Octets.fromHex("010123" + "00".repeat(16)), SECRET, R))
                    .isInstanceOfSatisfying(TunnelPassword.Result.Failed.class, f -> assertThat(f.problem()).isEqualTo(TunnelPassword.Problem.SALT_HIGH_BIT_CLEAR));
        }

        @Test
        @DisplayName("a Data-Length beyond the ciphertext (as a wrong secret usually gives) is refused")
        void badDataLength() {
            // encrypt a 15-octet password, then flip the first ciphertext octet so Data-Length becomes 15 ^ 0x10 = 31 > 15
            Octets good = TunnelPassword.encrypt(1, Secret.of("fifteen-octets!"), 0x8123, SECRET, R);
            byte[] bad = good.toArray();
            bad[3] ^= 0x10;
            assertThat(TunnelPassword.decrypt(Octets.of(bad), SECRET, R))
                    .isInstanceOfSatisfying(TunnelPassword.Result.Failed.class, f -> assertThat(f.problem()).isEqualTo(TunnelPassword.Problem.BAD_DATA_LENGTH));
        }

        @Test
        @DisplayName("a wrong secret never yields the original password")
        void wrongSecret() {
            assertThat(TunnelPassword.decrypt(Octets.fromHex(Vectors.ONE_BLOCK), Secret.of("other"), R))
                    .isNotEqualTo(new TunnelPassword.Result.Ok(1, Secret.of("t0psecret")));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20261123})
    @DisplayName("encrypt then decrypt returns tag and password for random passwords up to 240 octets")
    void roundTrip(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 50; i++) {
            byte[] pw = new byte[rnd.nextInt(241)];
            rnd.nextBytes(pw);
            int tag = rnd.nextInt(1, 32);
            byte[] auth = new byte[16];
            rnd.nextBytes(auth);
            Octets value = TunnelPassword.encrypt(tag, Secret.ofBytes(pw), rnd.nextInt(0x10000), SECRET, Octets.of(auth));
            assertThat(TunnelPassword.decrypt(value, SECRET, Octets.of(auth))).isEqualTo(new TunnelPassword.Result.Ok(tag, Secret.ofBytes(pw)));
        }
    }
}
