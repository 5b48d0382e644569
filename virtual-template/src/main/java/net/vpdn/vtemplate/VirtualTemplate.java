package net.vpdn.vtemplate;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.ipcp.IpcpPolicy;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.ipcp.Ipv4AddressSource;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.session.PppSessionConfig;

/**
 * A virtual template at run time: what every Virtual-Access interface cloned from it starts with.
 * Built by the composition root from configuration.
 *
 * @param name the template name (for example "Virtual-Template1")
 * @param localAddress the LNS's own address on these links (IPCP local address; answers pings)
 * @param peerPool the pool peers get addresses from when AAA names none
 * @param authProtocols the methods we ask the peer to authenticate with, preferred first; empty = none
 * @param mru the MRU we ask for and the largest peer MRU we accept
 * @param keepaliveInterval LCP echo period; zero turns LCP echo off
 * @param keepaliveMisses unanswered echoes before the peer is declared dead
 * @param dnsServers up to two DNS servers handed out in IPCP (RFC 1877)
 * @param idleTimeout no traffic this long ends the session; {@link Duration#ZERO} = never
 * @param sessionTimeout the longest a session lives; {@link Duration#ZERO} = unlimited
 * @param lcpRenegotiation what to do with proxied LCP
 * @param hostName the Name in our CHAP Challenges
 */
public record VirtualTemplate(String name, Ipv4Address localAddress, String peerPool, List<AuthMethod> authProtocols,
                              int mru, Duration keepaliveInterval, int keepaliveMisses, List<Ipv4Address> dnsServers,
                              Duration idleTimeout, Duration sessionTimeout, LcpRenegotiation lcpRenegotiation,
                              String hostName) {

    /** The smallest MRU a PPP implementation must accept (RFC 1661 §6.1 allows negotiating lower, we do not). */
    public static final int MIN_MRU = 576;

    public VirtualTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(peerPool, "peerPool");
        authProtocols = List.copyOf(authProtocols);
        dnsServers = List.copyOf(dnsServers);
        Objects.requireNonNull(keepaliveInterval, "keepaliveInterval");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(lcpRenegotiation, "lcpRenegotiation");
        Objects.requireNonNull(hostName, "hostName");
        if (mru < MIN_MRU || mru > 0xFFFF) {
            throw new IllegalArgumentException("MRU " + mru + " outside " + MIN_MRU + "..65535");
        }
        if (dnsServers.size() > 2) {
            throw new IllegalArgumentException("IPCP carries at most two DNS servers, got " + dnsServers.size());
        }
        if (keepaliveInterval.isNegative() || keepaliveMisses < 1) {
            throw new IllegalArgumentException("keepalive " + keepaliveInterval + " x " + keepaliveMisses
                    + ": the interval must not be negative (0 = off) and the misses positive");
        }
        if (idleTimeout.isNegative() || sessionTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
    }

    /** A template with LNS defaults: CHAP then PAP, MRU 1460, 10 s × 3 keepalive, no timeouts, renegotiate on mismatch. */
    public static VirtualTemplate defaults(String name, Ipv4Address localAddress, String peerPool) {
        return new VirtualTemplate(name, localAddress, peerPool, List.of(AuthMethod.CHAP_MD5, AuthMethod.PAP), 1460,
                Duration.ofSeconds(10), 3, List.of(), Duration.ZERO, Duration.ZERO, LcpRenegotiation.ON_MISMATCH, "lns");
    }

    /** The LCP policy: ask for our MRU, accept peers between {@link #MIN_MRU} and 1500. */
    public LcpPolicy lcpPolicy() {
        return new LcpPolicy(mru, MIN_MRU, Math.max(mru, 1500), true, false, false, true, true, authProtocols, List.of(), 5);
    }

    /** The PPP configuration of one cloned interface whose peer address comes from {@code peerAddresses}. */
    public PppSessionConfig pppConfig(Ipv4AddressSource peerAddresses) {
        IpcpPolicy ipcp = IpcpPolicy.server(localAddress, peerAddresses, dns(0), dns(1));
        return new PppSessionConfig(lcpPolicy(), CpConfig.rfcDefaults(), Optional.of(ipcp), false, keepaliveInterval,
                keepaliveMisses, AuthTiming.defaults(), hostName, Optional.empty(), false);
    }

    /** Returns a copy with other timeouts (per-user values from AAA override the template's). */
    public VirtualTemplate withTimeouts(Duration idle, Duration session) {
        return new VirtualTemplate(name, localAddress, peerPool, authProtocols, mru, keepaliveInterval, keepaliveMisses,
                dnsServers, idle, session, lcpRenegotiation, hostName);
    }

    /** Returns a copy with another renegotiation policy. */
    public VirtualTemplate withLcpRenegotiation(LcpRenegotiation policy) {
        return new VirtualTemplate(name, localAddress, peerPool, authProtocols, mru, keepaliveInterval, keepaliveMisses,
                dnsServers, idleTimeout, sessionTimeout, policy, hostName);
    }

    /** Returns a copy with another MRU. */
    public VirtualTemplate withMru(int newMru) {
        return new VirtualTemplate(name, localAddress, peerPool, authProtocols, newMru, keepaliveInterval, keepaliveMisses,
                dnsServers, idleTimeout, sessionTimeout, lcpRenegotiation, hostName);
    }

    /** Returns a copy asking for other authentication methods. */
    public VirtualTemplate withAuthProtocols(List<AuthMethod> methods) {
        return new VirtualTemplate(name, localAddress, peerPool, methods, mru, keepaliveInterval, keepaliveMisses,
                dnsServers, idleTimeout, sessionTimeout, lcpRenegotiation, hostName);
    }

    /** Returns a copy handing out these DNS servers. */
    public VirtualTemplate withDnsServers(List<Ipv4Address> servers) {
        return new VirtualTemplate(name, localAddress, peerPool, authProtocols, mru, keepaliveInterval, keepaliveMisses,
                servers, idleTimeout, sessionTimeout, lcpRenegotiation, hostName);
    }

    private Optional<Ipv4Address> dns(int index) {
        return index < dnsServers.size() ? Optional.of(dnsServers.get(index)) : Optional.empty();
    }
}
