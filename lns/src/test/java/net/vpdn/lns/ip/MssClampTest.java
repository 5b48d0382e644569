package net.vpdn.lns.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("TCP MSS clamping on the uplink")
class MssClampTest {
    /** IPv4 + TCP SYN with options NOP, NOP, MSS {@code mss}, window scale; checksums filled. */
    static ByteBuf syn(int mss, int flags) {
        ByteBuf p = Unpooled.buffer();
        p.writeByte(0x45).writeByte(0).writeShort(20 + 28).writeShort(1).writeShort(0).writeByte(64).writeByte(6)
                .writeShort(0).writeInt(0x0A63000A).writeInt(0x0AC80002);
        p.writeShort(40000).writeShort(80).writeInt(1).writeInt(0).writeByte(7 << 4).writeByte(flags).writeShort(65535)
                .writeShort(0).writeShort(0);
        p.writeByte(1).writeByte(1).writeByte(2).writeByte(4).writeShort(mss).writeByte(3).writeByte(3).writeByte(7).writeByte(0);
        Ipv4Packets.fillHeaderChecksum(p);
        p.setShort(36, tcpChecksum(p));
        return p;
    }

    /** The TCP checksum over the pseudo-header and segment (with the checksum field as it is). */
    static int tcpChecksum(ByteBuf p) {
        int len = p.readableBytes() - 20;
        ByteBuf pseudo = Unpooled.buffer().writeBytes(p, 12, 8).writeByte(0).writeByte(6).writeShort(len).writeBytes(p, 20, len);
        return Ipv4Packets.checksum(pseudo, 0, pseudo.readableBytes());
    }

    @Test
    @DisplayName("a SYN asking 1460 gets 1452 and a checksum that still verifies; a smaller MSS and non-SYNs are left alone")
    void clamps() {
        ByteBuf p = syn(1460, 0x02);
        assertThat(MssClamp.clamp(p, 1452)).isTrue();
        assertThat(p.getUnsignedShort(44)).isEqualTo(1452);
        assertThat(tcpChecksum(p)).as("checksum over the rewritten segment").isZero();
        assertThat(MssClamp.clamp(syn(1400, 0x12), 1452)).isFalse();
        ByteBuf ack = syn(1460, 0x10);
        assertThat(MssClamp.clamp(ack, 1452)).isFalse();
        assertThat(ack.getUnsignedShort(44)).isEqualTo(1460);
    }

    static LongStream seeds() {
        return LongStream.range(0, 100).map(i -> 0x555_0000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("mutated SYNs never throw, and a rewrite always leaves a valid checksum")
    void total(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 50; i++) {
            ByteBuf p = syn(1000 + r.nextInt(60000), 0x02);
            int at = 20 + r.nextInt(28);
            p.setByte(at, r.nextInt(256));
            if (r.nextBoolean()) p.writerIndex(20 + r.nextInt(29));
            boolean valid = p.readableBytes() == 48 && tcpChecksumValid(p);
            boolean changed = MssClamp.clamp(p, 1452);
            if (changed && valid) assertThat(tcpChecksum(p)).isZero();
        }
    }

    private static boolean tcpChecksumValid(ByteBuf p) {
        return tcpChecksum(p) == 0;
    }
}
