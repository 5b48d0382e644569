package net.vpdn.ppp.ipv6cp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.fsm.CpLayer;
import net.vpdn.ppp.fsm.RequestVerdict;
import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppProtocol;

/**
 * IPv6CP's Interface-Identifier negotiation, RFC 5072 §4.1: each end proposes a non-zero 64-bit
 * identifier; a zero or colliding proposal is Nak'd with a fresh random one.
 * IPv6-Compression-Protocol is rejected.
 */
public final class Ipv6cpLayer implements CpLayer {
    /** Interface-Identifier option type. */
    public static final int INTERFACE_IDENTIFIER = 1;

    private final PppRandom random;
    private long ourIdentifier;
    private long localIdentifier;
    private long peerIdentifier;

    public Ipv6cpLayer(PppRandom random) {
        this.random = Objects.requireNonNull(random, "random");
        this.ourIdentifier = newIdentifier(0);
    }

    @Override
    public int protocol() {
        return PppProtocol.IPV6CP.number();
    }

    /** Our agreed identifier, 0 until acked. */
    public long localIdentifier() {
        return localIdentifier;
    }

    /** The peer's agreed identifier, 0 until acked. */
    public long peerIdentifier() {
        return peerIdentifier;
    }

    @Override
    public List<CpOption> buildRequest() {
        return List.of(option(ourIdentifier));
    }

    @Override
    public RequestVerdict judge(List<CpOption> peerOptions) {
        List<CpOption> reject = new ArrayList<>();
        List<CpOption> nak = new ArrayList<>();
        for (CpOption o : peerOptions) {
            if (o.type() != INTERFACE_IDENTIFIER || o.value().length() != 8) {
                reject.add(o);
                continue;
            }
            long proposed = value(o.value());
            if (proposed == 0 || proposed == ourIdentifier) {
                nak.add(option(newIdentifier(ourIdentifier)));
            }
        }
        if (!reject.isEmpty()) {
            return new RequestVerdict.Reject(reject);
        }
        return nak.isEmpty() ? new RequestVerdict.Ack() : new RequestVerdict.Nak(nak);
    }

    /** §4.1: adopt a suggested identifier unless it is zero; otherwise pick a new random one. */
    @Override
    public boolean applyNak(List<CpOption> nakked) {
        for (CpOption o : nakked) {
            if (o.type() == INTERFACE_IDENTIFIER && o.value().length() == 8) {
                long suggested = value(o.value());
                ourIdentifier = suggested != 0 ? suggested : newIdentifier(ourIdentifier);
            }
        }
        return true;
    }

    /** Without an identifier IPv6CP cannot work; a Reject of it is refused and the layer times out. */
    @Override
    public boolean applyReject(List<CpOption> rejected) {
        return false;
    }

    @Override
    public void onOurRequestAcked(List<CpOption> ours) {
        ours.stream().filter(o -> o.type() == INTERFACE_IDENTIFIER).findFirst().ifPresent(o -> localIdentifier = value(o.value()));
    }

    @Override
    public void onPeerRequestAcked(List<CpOption> theirs) {
        theirs.stream().filter(o -> o.type() == INTERFACE_IDENTIFIER).findFirst().ifPresent(o -> peerIdentifier = value(o.value()));
    }

    private long newIdentifier(long avoid) {
        long id;
        do {
            id = ((long) random.nextInt() << 32) | (random.nextInt() & 0xFFFF_FFFFL);
        } while (id == 0 || id == avoid);
        return id;
    }

    private static CpOption option(long identifier) {
        byte[] v = new byte[8];
        for (int i = 0; i < 8; i++) {
            v[i] = (byte) (identifier >>> (56 - 8 * i));
        }
        return new CpOption(INTERFACE_IDENTIFIER, Octets.of(v));
    }

    private static long value(Octets v) {
        return (v.u32(0) << 32) | v.u32(4);
    }
}
