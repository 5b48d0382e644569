package net.vpdn.lac.process;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.vpdn.config.InitiateTo;
import net.vpdn.config.VpdnConfig;
import net.vpdn.config.VpdnGroup;
import net.vpdn.lac.call.LacCallConfig;
import net.vpdn.lac.select.LnsEndpoint;
import net.vpdn.lac.select.SearchKey;
import net.vpdn.lac.select.StaticTunnelSelector;
import net.vpdn.lac.select.TunnelSet;
import net.vpdn.lac.select.UserNameParser;
import net.vpdn.lac.tunnel.TunnelPoolConfig;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.session.PppSessionConfig;
import net.vpdn.runtime.EngineSettings;

/**
 * The LAC's reading of the configuration: request-dialin groups become {@link TunnelSet}s found by
 * domain or DNIS, the {@code l2tp} timers become the tunnel pool's, and the hostname names our side
 * of PPP. Pure: no sockets, no clock.
 */
public final class GroupMapping {
    /** How long a failed LNS is skipped (Cisco's {@code vpdn-group ... l2tp tunnel busy timeout} default is 60 s). */
    public static final Duration HOLD_DOWN = Duration.ofSeconds(60);
    /** How long a tunnel without calls is kept before StopCCN. */
    public static final Duration IDLE_TUNNEL = Duration.ofSeconds(30);
    /** The most a subscriber waits for a new tunnel before the next LNS is tried. */
    public static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Domain first, then DNIS: Cisco's default {@code vpdn search-order domain dnis}. */
    public static final List<SearchKey> SEARCH_ORDER = List.of(SearchKey.DOMAIN, SearchKey.DNIS);

    private GroupMapping() {
    }

    /** One group as a tunnel set; local groups all have preference 0 (one group answers a call). */
    public static TunnelSet tunnelSet(VpdnGroup.RequestDialin g) {
        List<LnsEndpoint> endpoints = new ArrayList<>(g.initiateTo().size());
        for (InitiateTo to : g.initiateTo()) {
            endpoints.add(new LnsEndpoint(new InetSocketAddress(to.address(), to.port()), to.priority(), to.weight()));
        }
        var secret = g.tunnelAuthentication() ? g.tunnelSecret().map(EngineSettings::tunnelSecret).orElse(null) : null;
        return new TunnelSet(0, g.name(), endpoints, secret, g.localName(), g.sessionLimit());
    }

    /** The request-dialin groups by domain and by DNIS, searched domain first. */
    public static StaticTunnelSelector localSelector(VpdnConfig config) {
        Map<String, List<TunnelSet>> byDomain = new LinkedHashMap<>();
        Map<String, List<TunnelSet>> byDnis = new LinkedHashMap<>();
        for (VpdnGroup.RequestDialin g : config.requestDialinGroups()) {
            TunnelSet set = tunnelSet(g);
            g.domains().forEach(d -> byDomain.put(d, List.of(set)));
            g.dnis().forEach(n -> byDnis.put(n, List.of(set)));
        }
        return new StaticTunnelSelector(byDomain, byDnis, SEARCH_ORDER);
    }

    /**
     * The pool's timers: a new tunnel may take the engine's first three retransmissions (capped at
     * {@link #MAX_CONNECT_TIMEOUT}) before the subscriber's call moves to the next LNS.
     */
    public static TunnelPoolConfig poolConfig(VpdnConfig config) {
        var retransmit = EngineSettings.retransmit(config.l2tp());
        Duration connect = Duration.ZERO;
        for (int attempt = 0; attempt < 3; attempt++) {
            connect = connect.plus(retransmit.timeoutFor(attempt));
        }
        if (connect.compareTo(MAX_CONNECT_TIMEOUT) > 0) connect = MAX_CONNECT_TIMEOUT;
        return new TunnelPoolConfig(connect, HOLD_DOWN, IDLE_TUNNEL,
                EngineSettings.tunnelParams(config, config.hostname(), Optional.empty(), false));
    }

    /** Our side of PPP with the subscriber: CHAP preferred, PAP accepted, MRU 1460 so that an LNS can adopt it. */
    public static LacCallConfig callConfig(VpdnConfig config) {
        LcpPolicy lcp = new LcpPolicy(1460, 576, 1500, true, false, false, true, true,
                List.of(AuthMethod.CHAP_MD5, AuthMethod.PAP), List.of(), 5);
        PppSessionConfig ppp = new PppSessionConfig(lcp, CpConfig.rfcDefaults(), Optional.empty(), false,
                Duration.ofSeconds(30), 3, AuthTiming.defaults(), config.hostname(), Optional.empty(), true);
        return new LacCallConfig(ppp, UserNameParser.suffix('@'), config.l2tp().callSetupTimeout());
    }
}
