package net.vpdn.ppp.session;

import java.time.Duration;
import java.util.Optional;
import net.vpdn.ppp.auth.AuthRequest;
import net.vpdn.ppp.ipcp.IpcpNegotiated;
import net.vpdn.ppp.proxy.ProxyAuth;
import net.vpdn.ppp.proxy.ProxyLcp;
import net.vpdn.ppp.stats.NegotiationFailure;
import net.vpdn.ppp.wire.Octets;

/** What a {@link PppSession} asks its shell to do, as data. */
public sealed interface PppOutput {

    /** Send an encoded PPP frame (address/control and protocol included) to the peer. */
    record SendFrame(int protocol, Octets frame) implements PppOutput { }

    /** Hand a network-layer packet (IPv4, IPv6) up to the forwarding plane. */
    record Deliver(int protocol, Octets packet) implements PppOutput { }

    /** Arm (or re-arm) {@code timer}; feed {@code token} back to {@link PppSession#timer}. */
    record ArmTimer(PppTimer timer, Duration after, long token) implements PppOutput { }

    /** Cancel {@code timer}. */
    record CancelTimer(PppTimer timer) implements PppOutput { }

    /** Verify these credentials asynchronously; feed the verdict back to {@link PppSession#verdict}. */
    record Verify(AuthRequest request, long attempt) implements PppOutput { }

    /** The link moved to {@code phase}. */
    record PhaseChanged(PppPhase phase) implements PppOutput { }

    /** The peer authenticated as {@code user} (we are authenticator). */
    record Authenticated(String user) implements PppOutput { }

    /** IPCP opened: install the route to the peer. */
    record Ipv4Up(IpcpNegotiated addresses) implements PppOutput { }

    /** IPv6CP opened with these interface identifiers. */
    record Ipv6Up(long localIdentifier, long peerIdentifier) implements PppOutput { }

    /**
     * LAC mode: authentication data is in; hand the call to the LNS with these proxy AVP values
     * (RFC 2661 §4.4.5) and forward frames from now on. The session stays silent afterwards.
     */
    record HandOff(ProxyLcp lcp, Optional<ProxyAuth> auth) implements PppOutput { }

    /** The link is finished; the call can be cleared. {@code failure} is empty for an orderly close. */
    record LinkDown(Optional<NegotiationFailure> failure, String detail) implements PppOutput { }
}
