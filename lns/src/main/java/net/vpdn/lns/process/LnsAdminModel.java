package net.vpdn.lns.process;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import net.vpdn.admin.AdminModel;
import net.vpdn.admin.ClearResult;
import net.vpdn.admin.SessionRef;
import net.vpdn.admin.ReloadReport;
import net.vpdn.admin.SessionView;
import net.vpdn.admin.TunnelView;

/**
 * The admin API's view of the LNS: snapshots and clears run on the L2TP event loop (never blocking
 * the admin loop), reloads on their own thread since they load a file.
 *
 * <p>L2TP session ids are per tunnel (RFC 2661 §4.4.4 leaves that to the implementation, and our
 * engine allocates them per tunnel), so a session is named by {@code TUNNEL/SESSION} or by its
 * Virtual-Access interface; a bare session id clears a session only when exactly one tunnel has
 * it, and is refused as ambiguous (409) otherwise.
 */
final class LnsAdminModel implements AdminModel {
    private final LnsProcess process;
    private final Teardowns teardowns;
    private final Executor reloads;

    LnsAdminModel(LnsProcess process, Teardowns teardowns, Executor reloads) {
        this.process = process;
        this.teardowns = teardowns;
        this.reloads = reloads;
    }

    @Override
    public CompletionStage<List<TunnelView>> tunnels() {
        var e = process.endpoint();
        var local = e.localAddress();
        return e.call(() -> e.engine().tunnels().stream().map(t -> new TunnelView(t.localId(), t.peerId(),
                local.getAddress().getHostAddress(), local.getPort(), t.peer().getAddress().getHostAddress(),
                t.peer().getPort(), t.peerHostName(), state(t.state().name()), t.sessionCount(),
                seconds(t.uptimeNanos()), process.policy().groupFor(t.peerHostName()).map(Policy.Group::name)
                        .orElse(null))).toList());
    }

    @Override
    public CompletionStage<List<SessionView>> sessions() {
        var e = process.endpoint();
        return e.call(() -> {
            long now = e.engine().host().nanoTime();
            return process.router().calls().stream().map(c -> view(c, now)).toList();
        });
    }

    private static SessionView view(Call c, long now) {
        var access = c.lns == null ? null : c.lns.access();
        var n = access == null ? null : access.counters();
        return new SessionView(c.l2tp.localId(), c.l2tp.peerId(), c.l2tp.tunnel().localId(), c.l2tp.tunnel().peerId(),
                state(c.l2tp.state().name()), access == null ? null : access.user().orElse(null),
                access == null ? null : access.name(),
                c.started == null ? null : c.started.peerAddress().toString(), c.calling.orElse(null),
                c.called.orElse(null), seconds(now - c.answeredNanos), n == null ? 0 : n.packetsIn(),
                n == null ? 0 : n.packetsOut(), n == null ? 0 : n.octetsIn(), n == null ? 0 : n.octetsOut());
    }

    @Override
    public CompletionStage<Boolean> clearTunnel(int localId) {
        return CompletableFuture.supplyAsync(() -> process.clearTunnel(localId), reloads);
    }

    @Override
    public CompletionStage<Boolean> clearSession(int localId) {
        return clearSession(new SessionRef.BySessionId(localId)).thenApply(r -> r == ClearResult.CLEARED);
    }

    @Override
    public CompletionStage<ClearResult> clearSession(SessionRef ref) {
        return teardowns.clearSession(ref);
    }

    @Override
    public CompletionStage<ReloadReport> reload() {
        return CompletableFuture.supplyAsync(process::reloadFromSource, reloads);
    }

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public String role() {
        return "lns";
    }

    static String state(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static long seconds(long nanos) {
        return Math.max(0, nanos) / 1_000_000_000L;
    }
}
