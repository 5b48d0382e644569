package net.vpdn.lns;

import java.util.Optional;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.l2tp.wire.Bytes;
import net.vpdn.ppp.proxy.ProxyAuth;
import net.vpdn.ppp.proxy.ProxyAuthKind;
import net.vpdn.ppp.proxy.ProxyLcp;
import net.vpdn.ppp.wire.Octets;

/** Maps the ICCN's proxy AVPs (RFC 2661 §4.4.5, AVPs 26–33) onto the PPP engine's proxy records, by value. */
public final class ProxyAvps {
    private ProxyAvps() {
    }

    /**
     * The proxied LCP state, when the LAC sent both the Last Sent and Last Received LCP CONFREQ
     * (the Initial Received one defaults to the Last Received).
     */
    public static Optional<ProxyLcp> lcp(CallParams iccn) {
        Optional<Bytes> sent = iccn.lastSentLcpConfReq();
        Optional<Bytes> received = iccn.lastReceivedLcpConfReq();
        if (sent.isEmpty() || received.isEmpty()) {
            return Optional.empty();
        }
        Bytes initial = iccn.initialReceivedLcpConfReq().orElse(received.get());
        return Optional.of(new ProxyLcp(octets(initial), octets(sent.get()), octets(received.get())));
    }

    /**
     * The proxied authentication, when the LAC sent a Proxy Authen Type we know other than
     * "no authentication" and a name.
     */
    public static Optional<ProxyAuth> auth(CallParams iccn) {
        Optional<ProxyAuthKind> kind = iccn.proxyAuthType().flatMap(t -> ProxyAuthKind.of(t.code()));
        if (kind.isEmpty() || kind.get() == ProxyAuthKind.NONE || iccn.proxyAuthName().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProxyAuth(kind.get(), iccn.proxyAuthName().get(),
                iccn.proxyAuthChallenge().map(ProxyAvps::octets).orElse(Octets.EMPTY),
                iccn.proxyAuthId().orElse(0),
                iccn.proxyAuthResponse().map(ProxyAvps::octets).orElse(Octets.EMPTY)));
    }

    private static Octets octets(Bytes bytes) {
        return Octets.of(bytes.toArray());
    }
}
