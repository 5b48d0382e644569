package net.vpdn.l2tp.avp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.ControlPacket;
import net.vpdn.l2tp.wire.DecodeResult;
import net.vpdn.l2tp.wire.MessageType;
import net.vpdn.l2tp.wire.PacketDecoder;
import net.vpdn.l2tp.wire.PacketEncoder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("decode(encode(m)) == m over generated messages of every type")
class RoundTripPropertyTest {
    private static final int MESSAGES_PER_SEED = 200;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 10).map(i -> i * 0x9E3779B97F4A7C15L);
    }

    private static ControlMessage throughTheWire(ControlMessage m, HidingPolicy policy, RandomSource random,
                                                 TunnelSecret secret, int ns, int nr) {
        ControlPacket packet = AvpCodec.toPacket(m, ns, nr, policy, random);
        byte[] datagram = PacketEncoder.encodeControl(packet);
        DecodeResult decoded = PacketDecoder.decode(datagram, 0, datagram.length);
        assertThat(decoded).isEqualTo(new DecodeResult.Control(packet));
        AvpDecodeResult typed = AvpCodec.decode(((DecodeResult.Control) decoded).packet(), secret);
        assertThat(typed).isInstanceOf(AvpDecodeResult.Ok.class);
        return ((AvpDecodeResult.Ok) typed).toMessage(packet.tunnelId(), packet.sessionId());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("plain: the typed message survives encode, the wire, and decode exactly")
    void plain(long seed) {
        MessageGen gen = new MessageGen(seed);
        SplittableRandom r = new SplittableRandom(seed);
        for (MessageType type : MessageType.values()) {
            for (int i = 0; i < MESSAGES_PER_SEED / MessageType.values().length + 1; i++) {
                ControlMessage m = gen.message(type);
                assertThat(throughTheWire(m, HidingPolicy.none(), RandomSource.seeded(seed), null,
                        r.nextInt(0x10000), r.nextInt(0x10000))).as("seed %d", seed).isEqualTo(m);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("hidden: with random hideable types hidden under a fixed RandomSource, only Random Vectors are added")
    void hidden(long seed) {
        MessageGen gen = new MessageGen(seed);
        TunnelSecret secret = TunnelSecret.ofBytes(gen.bytes(1, 40).toArray());
        RandomSource random = RandomSource.seeded(seed);
        for (int i = 0; i < MESSAGES_PER_SEED; i++) {
            ControlMessage m = gen.message(gen.messageType());
            HidingPolicy policy = HidingPolicy.hide(secret, gen.hideable());
            ControlMessage back = throughTheWire(m, policy, random, secret, i, i + 1);
            assertThat(withoutRandomVectors(back)).as("seed %d", seed).isEqualTo(withoutRandomVectors(m));
            long hiddenCount = m.avps().stream().filter(a -> a.type() != null && policy.hides(a.type())).count();
            if (hiddenCount > 0 && !m.has(Avp.RandomVector.class)) {
                assertThat(back.avps()).filteredOn(a -> a instanceof Avp.RandomVector).hasSize(1);
            }
        }
    }

    private static List<Avp> withoutRandomVectors(ControlMessage m) {
        return m.avps().stream().filter(a -> !(a instanceof Avp.RandomVector)).toList();
    }
}
