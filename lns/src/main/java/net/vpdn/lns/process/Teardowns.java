package net.vpdn.lns.process;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import net.vpdn.aaa.radius.DisconnectListener;
import net.vpdn.admin.ClearResult;
import net.vpdn.admin.SessionRef;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;
import net.vpdn.vtemplate.TerminateCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ways an operator or AAA ends sessions and tunnels of the running LNS (admin clear, RFC 5176
 * Disconnect, shutdown). Each runs on the endpoint's event loop; every session ends through
 * {@link CallRouter#end}, so accounting Stop and the CDN go out as for any other teardown.
 */
final class Teardowns {
    private static final Logger LOG = LoggerFactory.getLogger("vpdn.lns.admin");
    private final NettyL2tpEndpoint endpoint;
    private final CallRouter router;

    Teardowns(NettyL2tpEndpoint endpoint, CallRouter router) {
        this.endpoint = endpoint;
        this.router = router;
    }

    /** Admin clear of one session (Acct-Terminate-Cause Admin-Reset); whether it existed. */
    boolean clearSession(int tunnelId, int sessionId) {
        return endpoint.call(() -> router.call(tunnelId, sessionId).map(c -> {
            CallRouter.end(c, TerminateCause.ADMIN_RESET);
            return true;
        }).orElse(false)).join();
    }

    /**
     * Admin clear of the session {@code ref} names (Admin-Reset): by our tunnel and session ids, by
     * Virtual-Access interface, or by a bare session id when only one tunnel has it.
     */
    CompletionStage<ClearResult> clearSession(SessionRef ref) {
        return endpoint.call(() -> {
            List<Call> hits = matching(ref, router.calls(), c -> c.l2tp.tunnel().localId(), c -> c.l2tp.localId(),
                    c -> c.lns == null ? null : c.lns.access().name());
            if (hits.size() > 1) {
                LOG.warn("event=admin-clear-ambiguous session={} tunnels={}", ref.text(), hits.size());
                return ClearResult.AMBIGUOUS;
            }
            if (hits.isEmpty()) {
                return ClearResult.NOT_FOUND;
            }
            Call call = hits.getFirst();
            LOG.info("event=admin-clear tunnel={} session={}", call.l2tp.tunnel().localId(), call.l2tp.localId());
            CallRouter.end(call, TerminateCause.ADMIN_RESET);
            return ClearResult.CLEARED;
        });
    }

    /**
     * The sessions among {@code all} that {@code ref} names; more than one only for a bare session id
     * that several tunnels have.
     *
     * @param iface a session's Virtual-Access name, or {@code null} before it has one
     */
    static <T> List<T> matching(SessionRef ref, List<T> all, ToIntFunction<T> tunnelId, ToIntFunction<T> sessionId,
                                Function<T, String> iface) {
        return all.stream().filter(c -> switch (ref) {
            case SessionRef.ByIds ids -> tunnelId.applyAsInt(c) == ids.tunnelId() && sessionId.applyAsInt(c) == ids.sessionId();
            case SessionRef.BySessionId id -> sessionId.applyAsInt(c) == id.sessionId();
            case SessionRef.ByInterface vi -> vi.name().equalsIgnoreCase(iface.apply(c));
        }).toList();
    }

    /** Admin clear of one tunnel: its sessions end with Admin-Reset, then StopCCN; whether it existed. */
    boolean clearTunnel(int tunnelId) {
        return endpoint.call(() -> {
            var tunnel = endpoint.engine().tunnel(tunnelId);
            if (tunnel == null) {
                return false;
            }
            router.calls().stream().filter(c -> c.l2tp.tunnel() == tunnel)
                    .forEach(c -> CallRouter.end(c, TerminateCause.ADMIN_RESET));
            tunnel.close(StopCcnResult.GENERAL_REQUEST_TO_CLEAR, ErrorCode.NO_GENERAL_ERROR, "cleared by administrator");
            return true;
        }).join();
    }

    /** RFC 5176 Disconnect-Request: the named sessions end with Admin-Reset; how many matched. */
    CompletionStage<Integer> disconnect(DisconnectListener.Target target) {
        return endpoint.call(() -> {
            List<Call> hit = router.calls().stream().filter(c -> switch (target) {
                case DisconnectListener.Target.BySessionId s -> c.acctSessionId.equals(s.acctSessionId());
                case DisconnectListener.Target.ByUserName u -> c.started != null && c.started.user().equals(u.userName());
            }).toList();
            hit.forEach(c -> CallRouter.end(c, TerminateCause.ADMIN_RESET));
            return hit.size();
        });
    }

    /** Shutdown: every session ends with Admin-Reboot; how many there were. */
    int endAll() {
        return endpoint.call(() -> {
            List<Call> all = router.calls();
            all.forEach(c -> CallRouter.end(c, TerminateCause.ADMIN_REBOOT));
            return all.size();
        }).join();
    }
}
