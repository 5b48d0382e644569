package net.vpdn.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.auth.chap.ChapMd5;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.lcp.AuthProtocolOption;
import net.vpdn.ppp.lcp.LcpOption;
import net.vpdn.ppp.lcp.MagicNumberOption;
import net.vpdn.ppp.lcp.MruOption;
import net.vpdn.ppp.wire.CpCode;
import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.CpOptions;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.CpPacketCodec;
import net.vpdn.ppp.wire.Decoded;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppFrame;
import net.vpdn.ppp.wire.PppFrameCodec;
import net.vpdn.ppp.wire.PppFraming;
import net.vpdn.ppp.wire.PppProtocol;
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
 * Encode and decode costs of the PPP control packets every subscriber exchanges at setup, through
 * the ppp module's own wire classes ({@link PppFrameCodec}, {@link CpPacketCodec}, {@link CpOptions},
 * the typed {@link LcpOption}s): an LCP Configure-Request as the LNS sends it (MRU 1460, Magic-Number,
 * Authentication-Protocol CHAP-MD5) and an IPCP Configure-Request as a client sends it (IP-Address
 * and both DNS servers at 0.0.0.0, RFC 1332 and RFC 1877). Also the CHAP-MD5 Response Value
 * (RFC 1994 §4.1), computed by the client and recomputed by the authenticator for every login.
 *
 * <p>Why it matters at carrier scale: a full setup crosses each of these packets several times
 * (request, Nak or Ack, retransmissions) on each side, and a redial storm of 10,000 subscribers
 * multiplies that; the figures here are the floor under the per-setup CPU the load scenarios
 * measure. Run with {@code ./vpdn bench PppCodecBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PppCodecBenchmark {
    /** IPCP option types (RFC 1332 §3.3, RFC 1877 §1.1 and §1.3). */
    private static final int IP_ADDRESS = 3;
    private static final int PRIMARY_DNS = 129;
    private static final int SECONDARY_DNS = 131;

    private final PppFraming framing = PppFraming.initial();
    private List<LcpOption> lcpOptions;
    private List<CpOption> ipcpOptions;
    private byte[] lcpFrame;
    private byte[] ipcpFrame;
    private Secret secret;
    private Octets challenge;
    private Octets response;

    @Setup
    public void setup() {
        lcpOptions = List.of(new MruOption(1460), new MagicNumberOption(0x1A2B3C4DL),
                AuthProtocolOption.of(AuthMethod.CHAP_MD5));
        ipcpOptions = List.of(new CpOption(IP_ADDRESS, Ipv4Address.ANY.toOctets()),
                new CpOption(PRIMARY_DNS, Ipv4Address.ANY.toOctets()),
                new CpOption(SECONDARY_DNS, Ipv4Address.ANY.toOctets()));
        lcpFrame = encodeLcpConfigureRequest();
        ipcpFrame = encodeIpcpConfigureRequest();
        // Both must decode back to what was encoded, or the benchmark would time an error path.
        if (decodeLcpConfigureRequest().size() != 3 || decodeIpcpConfigureRequest() != 0) {
            throw new IllegalStateException("Configure-Requests did not round-trip");
        }
        secret = Secret.of("wonderland");
        byte[] c = new byte[16];
        for (int i = 0; i < c.length; i++) {
            c[i] = (byte) (i * 37 + 11);
        }
        challenge = Octets.of(c);
        response = ChapMd5.response(1, secret, challenge);
    }

    /** Typed LCP options to a framed Configure-Request (address/control, protocol, header, TLVs). */
    @Benchmark
    public byte[] encodeLcpConfigureRequest() {
        List<CpOption> tlvs = new ArrayList<>(lcpOptions.size());
        for (LcpOption o : lcpOptions) {
            tlvs.add(o.toCpOption());
        }
        CpPacket packet = CpPacket.of(CpCode.CONFIGURE_REQUEST, 1, CpOptions.encode(tlvs));
        return PppFrameCodec.encode(PppFrame.of(PppProtocol.LCP, packet), framing);
    }

    /** Frame bytes to typed LCP options: the frame, the packet header, the TLV list, each option typed. */
    @Benchmark
    public List<LcpOption> decodeLcpConfigureRequest() {
        List<CpOption> tlvs = options(lcpFrame, PppProtocol.LCP);
        List<LcpOption> typed = new ArrayList<>(tlvs.size());
        for (CpOption o : tlvs) {
            typed.add(LcpOption.decode(o));
        }
        return typed;
    }

    /** IPCP options to a framed Configure-Request. */
    @Benchmark
    public byte[] encodeIpcpConfigureRequest() {
        CpPacket packet = CpPacket.of(CpCode.CONFIGURE_REQUEST, 1, CpOptions.encode(ipcpOptions));
        return PppFrameCodec.encode(PppFrame.of(PppProtocol.IPCP, packet), framing);
    }

    /** Frame bytes to the IPCP options and their addresses (OR of the address bits, so nothing is dead code). */
    @Benchmark
    public int decodeIpcpConfigureRequest() {
        int bits = 0;
        for (CpOption o : options(ipcpFrame, PppProtocol.IPCP)) {
            bits |= Ipv4Address.from(o.value()).bits();
        }
        return bits;
    }

    /** The client's CHAP-MD5 Response Value: MD5(Identifier, secret, Challenge). */
    @Benchmark
    public Octets chapMd5Response() {
        return ChapMd5.response(1, secret, challenge);
    }

    /** The authenticator's check of a Response (what the local verifier does per login). */
    @Benchmark
    public boolean chapMd5Verify() {
        return ChapMd5.verify(1, secret, challenge, response);
    }

    private List<CpOption> options(byte[] frame, PppProtocol expected) {
        if (PppFrameCodec.decode(frame, framing) instanceof Decoded.Ok<PppFrame>(PppFrame f)
                && f.protocol() == expected.number()
                && CpPacketCodec.decode(f.information()) instanceof Decoded.Ok<CpPacket>(CpPacket p)
                && p.is(CpCode.CONFIGURE_REQUEST)
                && CpOptions.parse(p.data()) instanceof Decoded.Ok<List<CpOption>>(List<CpOption> tlvs)) {
            return tlvs;
        }
        throw new IllegalStateException(expected + " Configure-Request did not decode");
    }
}
