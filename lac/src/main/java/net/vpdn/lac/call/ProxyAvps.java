package net.vpdn.lac.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.l2tp.wire.Bytes;
import net.vpdn.ppp.proxy.ProxyAuth;
import net.vpdn.ppp.proxy.ProxyAuthKind;
import net.vpdn.ppp.proxy.ProxyLcp;
import net.vpdn.ppp.wire.Octets;

/**
 * The proxy LCP and proxy authentication AVPs of an ICCN (RFC 2661 §4.4.5), from and to the PPP
 * engine's {@link ProxyLcp} / {@link ProxyAuth}, by value.
 *
 * <p>The three LCP AVPs carry Configure-Request options without the packet header, which is what
 * {@code ProxyLcp} holds. Proxy Authen Type 2 is CHAP (name, challenge, identifier, response),
 * 3 is PAP (name, and the password in the response AVP). The PAP identifier goes in Proxy Authen ID
 * too: §4.4.5 defines it for CHAP only, but an LNS that adopts the proxied state must answer the
 * client's Authenticate-Request with that identifier (RFC 1334 §2.2.2), and the AVP is harmless to
 * an LNS that ignores it.
 *
 * <p>MS-CHAPv2 has no Proxy Authen Type. Sending Type 4 ("No Authentication") would tell the LNS
 * that the LAC let the user in unauthenticated, which an LNS configured to trust proxy
 * authentication could accept: a security hole. So for MS-CHAPv2 (and whenever there is no proxy
 * authentication) the LAC sends no proxy authentication AVPs at all, and §4.4.5 leaves the LNS to
 * authenticate the client itself (it renegotiates or challenges again).
 */
public final class ProxyAvps {
    private ProxyAvps() {
    }

    /** The AVPs for an ICCN. {@code papIdentifier} is the client's Authenticate-Request identifier. */
    public static List<Avp> toAvps(ProxyLcp lcp, Optional<ProxyAuth> auth, OptionalInt papIdentifier) {
        List<Avp> out = new ArrayList<>(8);
        out.add(new Avp.InitialReceivedLcpConfReq(bytes(lcp.initialReceived())));
        out.add(new Avp.LastSentLcpConfReq(bytes(lcp.lastSent())));
        out.add(new Avp.LastReceivedLcpConfReq(bytes(lcp.lastReceived())));
        auth.filter(a -> a.kind() == ProxyAuthKind.CHAP || a.kind() == ProxyAuthKind.PAP).ifPresent(a -> {
            out.add(new Avp.ProxyAuthenType(a.kind().value()));
            out.add(new Avp.ProxyAuthenName(a.name()));
            if (a.kind() == ProxyAuthKind.CHAP) {
                out.add(new Avp.ProxyAuthenChallenge(bytes(a.challenge())));
                out.add(new Avp.ProxyAuthenId(a.identifier()));
            } else if (papIdentifier.isPresent()) {
                out.add(new Avp.ProxyAuthenId(papIdentifier.getAsInt()));
            }
            out.add(new Avp.ProxyAuthenResponse(bytes(a.response())));
        });
        return out;
    }

    /** LNS side: the proxied LCP of a connected call, when all three AVPs are there. */
    public static Optional<ProxyLcp> proxyLcp(CallParams iccn) {
        var initial = iccn.initialReceivedLcpConfReq();
        var sent = iccn.lastSentLcpConfReq();
        var received = iccn.lastReceivedLcpConfReq();
        if (initial.isEmpty() || sent.isEmpty() || received.isEmpty()) return Optional.empty();
        return Optional.of(new ProxyLcp(octets(initial.get()), octets(sent.get()), octets(received.get())));
    }

    /** LNS side: the proxied authentication of a connected call, for CHAP and PAP. */
    public static Optional<ProxyAuth> proxyAuth(CallParams iccn) {
        Optional<ProxyAuthKind> kind = iccn.find(Avp.ProxyAuthenType.class)
                .flatMap(t -> ProxyAuthKind.of(t.authType()))
                .filter(k -> k == ProxyAuthKind.CHAP || k == ProxyAuthKind.PAP);
        if (kind.isEmpty() || iccn.proxyAuthName().isEmpty() || iccn.proxyAuthResponse().isEmpty()) {
            return Optional.empty();
        }
        Octets challenge = iccn.proxyAuthChallenge().map(ProxyAvps::octets).orElse(Octets.EMPTY);
        if (kind.get() == ProxyAuthKind.CHAP && (challenge.isEmpty() || iccn.proxyAuthId().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new ProxyAuth(kind.get(), iccn.proxyAuthName().get(), challenge,
                iccn.proxyAuthId().orElse(0) & 0xFF, octets(iccn.proxyAuthResponse().get())));
    }

    private static Bytes bytes(Octets o) {
        return Bytes.of(o.toArray());
    }

    private static Octets octets(Bytes b) {
        return Octets.of(b.toArray());
    }
}
