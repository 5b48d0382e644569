package net.vpdn.ppp.proxy;

import java.util.List;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.fsm.RequestVerdict;
import net.vpdn.ppp.lcp.AuthProtocolOption;
import net.vpdn.ppp.lcp.LcpLayer;
import net.vpdn.ppp.lcp.LcpOption;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.lcp.MruOption;
import net.vpdn.ppp.lcp.UnknownLcpOption;
import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.CpOptions;
import net.vpdn.ppp.wire.Decoded;

/**
 * LNS side: decides whether the LCP state a LAC proxied can be adopted as is, or LCP must be
 * renegotiated with the client (RFC 2661 §4.4.5 lets the LNS do either). Adopt only when the
 * template would have acked the client's last request and the LAC's request is one we could
 * have sent ourselves.
 */
public final class ProxyLcpAdoption {

    /** The outcome. */
    public sealed interface Decision permits Adopt, Renegotiate { }

    /** Adopt: treat {@code ours} (the LAC's last request) and {@code theirs} as acked. */
    public record Adopt(List<CpOption> ours, List<CpOption> theirs) implements Decision { }

    /** Renegotiate LCP from scratch, for {@code reason} (a log and statistics text). */
    public record Renegotiate(String reason) implements Decision { }

    private ProxyLcpAdoption() {
    }

    /** Decides for {@code proxied} against the LNS template {@code policy}. */
    public static Decision decide(ProxyLcp proxied, LcpPolicy policy, boolean alwaysRenegotiate) {
        if (alwaysRenegotiate) {
            return new Renegotiate("configured to always renegotiate LCP");
        }
        if (!(CpOptions.parse(proxied.lastSent()) instanceof Decoded.Ok<List<CpOption>> sent)
                || !(CpOptions.parse(proxied.lastReceived()) instanceof Decoded.Ok<List<CpOption>> received)) {
            return new Renegotiate("malformed proxied LCP CONFREQ");
        }
        // Judging a request does not depend on randomness unless magic numbers collide.
        LcpLayer template = new LcpLayer(policy, PppRandom.seeded(0));
        RequestVerdict verdict = template.judge(received.value());
        if (!(verdict instanceof RequestVerdict.Ack)) {
            return new Renegotiate("template would answer the client's request with " + verdict);
        }
        String problem = ourSideProblem(sent.value(), policy);
        return problem == null ? new Adopt(sent.value(), received.value()) : new Renegotiate(problem);
    }

    private static String ourSideProblem(List<CpOption> lacRequest, LcpPolicy policy) {
        int mru = MruOption.DEFAULT;
        boolean authOk = policy.authenticateWith().isEmpty();
        for (CpOption raw : lacRequest) {
            switch (LcpOption.decode(raw)) {
                case MruOption m -> mru = m.mru();
                case AuthProtocolOption a -> authOk = authOk
                        || a.method().map(policy.authenticateWith()::contains).orElse(false);
                case UnknownLcpOption u -> {
                    return "LAC requested option type " + raw.type() + " the template does not negotiate";
                }
                default -> { }
            }
        }
        int ourMru = policy.requestMru() > 0 ? policy.requestMru() : MruOption.DEFAULT;
        if (mru > ourMru) {
            return "LAC let the client send " + mru + "-octet frames, above our MRU " + ourMru;
        }
        return authOk ? null : "LAC did not require an authentication method the template accepts";
    }
}
