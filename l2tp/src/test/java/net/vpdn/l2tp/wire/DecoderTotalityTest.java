package net.vpdn.l2tp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.AvpCodec;
import net.vpdn.l2tp.avp.AvpDecodeResult;
import net.vpdn.l2tp.avp.AvpType;
import net.vpdn.l2tp.avp.HidingPolicy;
import net.vpdn.l2tp.avp.MessageGen;
import net.vpdn.l2tp.avp.MessageSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("the decoder is total: mutated datagrams give Control, Data or Malformed, never an exception")
class DecoderTotalityTest {
    private static final int CASES_PER_SEED = 3000;
    private static final TunnelSecret SECRET = TunnelSecret.of("fuzz");

    static LongStream seeds() {
        return LongStream.of(1, 2, 3, 42, 1701, 0xC0FFEEL);
    }

    private static List<byte[]> corpus(long seed) {
        List<byte[]> out = new ArrayList<>();
        for (String name : Vectors.RFC2661) {
            out.add(Vectors.load(name));
        }
        MessageGen gen = new MessageGen(seed);
        RandomSource random = RandomSource.seeded(seed);
        for (int i = 0; i < 20; i++) {
            HidingPolicy policy = HidingPolicy.hide(SECRET, java.util.Set.of(AvpType.PROXY_AUTHEN_NAME,
                    AvpType.ASSIGNED_SESSION_ID, AvpType.CHALLENGE));
            out.add(PacketEncoder.encodeControl(AvpCodec.toPacket(gen.message(gen.messageType()), i, i, policy, random)));
        }
        out.add(PacketEncoder.encodeData(1, 2, true, 3, 4, new byte[40]));
        return out;
    }

    private static byte[] mutate(byte[] good, SplittableRandom r) {
        byte[] b;
        switch (r.nextInt(5)) {
            case 0 -> { // random octets
                b = new byte[r.nextInt(80)];
                r.nextBytes(b);
            }
            case 1 -> b = java.util.Arrays.copyOf(good, r.nextInt(good.length + 1)); // truncation
            case 2 -> { // bit flips
                b = good.clone();
                for (int n = 1 + r.nextInt(4); n > 0 && b.length > 0; n--) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 3 -> { // header Length edit
                b = good.clone();
                if (b.length >= 4) {
                    int len = r.nextInt(3) == 0 ? r.nextInt(0x10000) : b.length + r.nextInt(-8, 9);
                    b[2] = (byte) (len >>> 8);
                    b[3] = (byte) len;
                }
            }
            default -> { // a 16-bit field somewhere (AVP lengths, offsets) rewritten
                b = good.clone();
                if (b.length >= 2) {
                    int at = r.nextInt(b.length - 1);
                    b[at] = (byte) r.nextInt(256);
                    b[at + 1] = (byte) r.nextInt(256);
                }
            }
        }
        return b;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("every layer answers, and the flyweight header agrees with PacketDecoder")
    void total(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<byte[]> corpus = corpus(seed);
        L2tpHeader flyweight = new L2tpHeader();
        int[] seen = new int[3];
        for (int i = 0; i < CASES_PER_SEED; i++) {
            byte[] b = mutate(corpus.get(r.nextInt(corpus.size())), r);
            DecodeResult result = PacketDecoder.decode(b, 0, b.length);
            assertThat(result).as("seed %d case %d", seed, i).isNotNull();
            DropReason headerReason = flyweight.parse(ByteBuffer.wrap(b));
            switch (result) {
                case DecodeResult.Control c -> {
                    seen[0]++;
                    assertThat(headerReason).isNull();
                    assertThat(flyweight.isControl()).isTrue();
                    assertThat(c.packet().tunnelId()).isEqualTo(flyweight.tunnelId());
                    assertThat(c.packet().ns()).isEqualTo(flyweight.ns());
                    typeAndValidate(c.packet());
                }
                case DecodeResult.Data d -> {
                    seen[1]++;
                    assertThat(headerReason).isNull();
                    assertThat(flyweight.isControl()).isFalse();
                    assertThat(d.sessionId()).isEqualTo(flyweight.sessionId());
                    assertThat(d.payload().length()).isEqualTo(flyweight.payloadLength());
                }
                case DecodeResult.Malformed m -> {
                    seen[2]++;
                    assertThat(m.detail()).isNotBlank();
                    if (headerReason != null) {
                        assertThat(m.reason()).isEqualTo(headerReason);
                    } else {
                        assertThat(m.reason().name()).startsWith("AVP_");
                    }
                }
            }
        }
        assertThat(java.util.Arrays.stream(seen).boxed().toList()).as("the mutations reach every outcome").allMatch(n -> n > 0);
    }

    private static void typeAndValidate(ControlPacket p) {
        if (p.isZlb()) {
            return;
        }
        AvpDecodeResult typed = AvpCodec.decode(p, SECRET);
        assertThat(typed).isNotNull();
        if (typed instanceof AvpDecodeResult.Ok ok) {
            assertThat(MessageSpec.validate(ok.toMessage(p.tunnelId(), p.sessionId()))).isNotNull();
        }
    }
}
