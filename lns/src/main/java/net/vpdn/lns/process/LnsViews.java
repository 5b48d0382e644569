package net.vpdn.lns.process;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.vpdn.l2tp.engine.Tunnel;

/** Read-only snapshots of the running LNS for show commands and the admin API, taken on the event loop. */
public final class LnsViews {
    private LnsViews() {
    }

    /**
     * One tunnel.
     *
     * @param localId our tunnel id
     * @param peerId the LAC's tunnel id
     * @param peer the LAC's address and port
     * @param hostName the LAC's Host Name
     * @param group the accept-dialin group it belongs to ("none" if no group terminates it now)
     * @param state tunnel state
     * @param sessions L2TP sessions in it
     * @param uptime since established (zero before)
     */
    public record TunnelView(int localId, int peerId, String peer, String hostName, String group, String state,
                             int sessions, Duration uptime) { }

    /**
     * One session.
     *
     * @param tunnelId our tunnel id
     * @param sessionId our session id
     * @param peerSessionId the LAC's session id
     * @param state L2TP session state, then the Virtual-Access state once PPP runs
     * @param group the accept-dialin group
     * @param user the authenticated user, if any yet
     * @param interfaceName Virtual-AccessN, if cloned
     * @param address the peer's address, once IPCP is up
     * @param acctSessionId the Acct-Session-Id
     * @param uptime since the call was answered
     * @param octetsIn octets from the subscriber
     * @param octetsOut octets to the subscriber
     * @param packetsIn packets from the subscriber
     * @param packetsOut packets to the subscriber
     */
    public record SessionView(int tunnelId, int sessionId, int peerSessionId, String state, String group,
                              Optional<String> user, Optional<String> interfaceName, Optional<String> address,
                              String acctSessionId, Duration uptime, long octetsIn, long octetsOut, long packetsIn,
                              long packetsOut) { }

    static List<TunnelView> tunnels(LnsProcess p) {
        return p.endpoint().call(() -> p.endpoint().engine().tunnels().stream()
                .sorted(Comparator.comparingInt(Tunnel::localId))
                .map(t -> new TunnelView(t.localId(), t.peerId(), t.peer().getAddress().getHostAddress() + ":" + t.peer().getPort(),
                        t.peerHostName() == null ? "" : t.peerHostName(),
                        p.policy().groupFor(t.peerHostName()).map(Policy.Group::name).orElse("none"),
                        t.state().name(), t.sessionCount(), Duration.ofNanos(t.uptimeNanos())))
                .toList()).join();
    }

    static List<SessionView> sessions(LnsProcess p) {
        return p.endpoint().call(() -> {
            long now = p.endpoint().engine().host().nanoTime();
            return p.router().calls().stream()
                    .sorted(Comparator.comparingLong(Call::key))
                    .map(c -> view(c, now)).toList();
        }).join();
    }

    private static SessionView view(Call c, long now) {
        var access = c.lns == null ? null : c.lns.access();
        var counters = access == null ? null : access.counters();
        String state = access == null ? c.l2tp.state().name() : access.state().name();
        return new SessionView(c.l2tp.tunnel().localId(), c.l2tp.localId(), c.l2tp.peerId(), state, c.group,
                access == null ? Optional.empty() : access.user(),
                access == null ? Optional.empty() : Optional.of(access.name()),
                c.started == null ? Optional.empty() : Optional.of(c.started.peerAddress().toString()),
                c.acctSessionId, Duration.ofNanos(now - c.answeredNanos),
                counters == null ? 0 : counters.octetsIn(), counters == null ? 0 : counters.octetsOut(),
                counters == null ? 0 : counters.packetsIn(), counters == null ? 0 : counters.packetsOut());
    }
}
