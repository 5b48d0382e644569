package net.vpdn.benchmarks;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.AvpCodec;
import net.vpdn.l2tp.avp.AvpDecodeResult;
import net.vpdn.l2tp.avp.HidingPolicy;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.ControlPacket;
import net.vpdn.l2tp.wire.DecodeResult;
import net.vpdn.l2tp.wire.L2tpHeader;
import net.vpdn.l2tp.wire.MessageType;
import net.vpdn.l2tp.wire.PacketDecoder;
import net.vpdn.l2tp.wire.PacketEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encode and decode costs of the messages on the two hot paths: an ICRQ (every call setup) and a
 * data message (every PPP frame). Run with {@code ./vpdn bench L2tpCodecBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class L2tpCodecBenchmark {
    private ControlMessage icrq;
    private byte[] icrqBytes;
    private byte[] dataBytes;
    private ByteBuffer dataBuffer;
    private ByteBuffer dataOut;
    private final L2tpHeader header = new L2tpHeader();
    private final RandomSource random = RandomSource.seeded(1);

    @Setup
    public void setup() {
        icrq = new ControlMessage(MessageType.ICRQ, 0x1234, 0, List.of(
                new Avp.AssignedSessionId(0x4321),
                new Avp.CallSerialNumber(42),
                new Avp.BearerType(true, false),
                new Avp.CallingNumber("0311112222"),
                new Avp.CalledNumber("100")));
        icrqBytes = encodeIcrq();
        byte[] ppp = new byte[1400];
        dataBytes = PacketEncoder.encodeData(0x1234, 0x4321, false, 0, 0, ppp);
        dataBuffer = ByteBuffer.wrap(dataBytes);
        dataOut = ByteBuffer.allocateDirect(64);
    }

    /** Typed ICRQ to datagram bytes (AVP encoding and header). */
    @Benchmark
    public byte[] encodeIcrq() {
        ControlPacket p = new ControlPacket(icrq.tunnelId(), 0, 7, 9, AvpCodec.encode(icrq, HidingPolicy.none(), random));
        return PacketEncoder.encodeControl(p);
    }

    /** Datagram bytes to a typed ICRQ (syntax, then AVP typing). */
    @Benchmark
    public Object decodeIcrq() {
        if (PacketDecoder.decode(icrqBytes, 0, icrqBytes.length) instanceof DecodeResult.Control c
                && AvpCodec.decode(c.packet().avps(), null) instanceof AvpDecodeResult.Ok ok) {
            return ok;
        }
        throw new IllegalStateException("ICRQ did not decode");
    }

    /** The data fast path: parse a data header in place with the reused flyweight. */
    @Benchmark
    public int decodeDataHeader() {
        if (header.parse(dataBuffer) != null) throw new IllegalStateException();
        return header.sessionId() + header.payloadLength();
    }

    /** The data fast path: write a data header into a reused buffer. */
    @Benchmark
    public int encodeDataHeader() {
        dataOut.clear();
        return PacketEncoder.writeDataHeader(dataOut, 0x1234, 0x4321, false, 0, 0);
    }
}
