package net.vpdn.lac.call;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.session.AccessLineAvps;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.lac.access.LineIdentity;
import net.vpdn.ppp.session.PppOutput;

/** What a LAC call tells the LNS about its line (RFC 2661 §6.6 ICRQ, §6.8 ICCN). Pure. */
final class CallAvps {
    private static final int PAP = 0xC023;

    private CallAvps() {
    }

    /**
     * RFC 1334 §2.2.1: the identifier of a PAP Authenticate-Request frame (with or without FF 03), or -1
     * for any other frame; the LAC keeps it for Proxy Authen ID, since the proxy AVPs do not carry PAP's.
     */
    static int papRequestIdentifier(byte[] f) {
        int off = f.length >= 2 && (f[0] & 0xFF) == 0xFF && f[1] == 0x03 ? 2 : 0;
        if (f.length >= off + 4 && (((f[off] & 0xFF) << 8) | (f[off + 1] & 0xFF)) == PAP && f[off + 2] == 1) {
            return f[off + 3] & 0xFF;
        }
        return -1;
    }

    /** ICRQ: Calling and Called Number, Bearer Type, Physical Channel ID, and the RFC 5515 line ids of a PPPoE line. */
    static CallParams icrq(LineIdentity id) {
        List<Avp> avps = new ArrayList<>(4);
        if (!id.callingNumber().isEmpty()) avps.add(new Avp.CallingNumber(id.callingNumber()));
        if (!id.calledNumber().isEmpty()) avps.add(new Avp.CalledNumber(id.calledNumber()));
        avps.add(new Avp.BearerType(id.digitalBearer(), !id.digitalBearer()));
        id.physicalChannelId().ifPresent(ch -> avps.add(new Avp.PhysicalChannelId(ch)));
        avps.addAll(AccessLineAvps.of(id.agentCircuitId(), id.agentRemoteId()));
        return new CallParams(avps);
    }

    /** ICCN: connect speeds, Framing Type and the proxy LCP/authentication AVPs of the hand-off. */
    static CallParams iccn(LineIdentity id, PppOutput.HandOff handOff, int papIdentifier) {
        List<Avp> avps = new ArrayList<>(12);
        avps.add(new Avp.TxConnectSpeed(id.txConnectBps()));
        if (id.rxConnectBps() != 0) avps.add(new Avp.RxConnectSpeed(id.rxConnectBps()));
        avps.add(new Avp.FramingType(id.synchronousFraming(), !id.synchronousFraming()));
        avps.addAll(ProxyAvps.toAvps(handOff.lcp(), handOff.auth(),
                papIdentifier < 0 ? OptionalInt.empty() : OptionalInt.of(papIdentifier)));
        return new CallParams(avps);
    }
}
