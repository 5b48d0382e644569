package net.vpdn.lac.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import net.vpdn.admin.AdminModel;
import net.vpdn.admin.ReloadReport;
import net.vpdn.admin.SessionView;
import net.vpdn.admin.TunnelView;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;
import net.vpdn.lac.call.CallView;
import net.vpdn.lac.call.LacService;

/**
 * The LAC as the admin API sees it: the endpoint's tunnels, and its sessions with the user, the
 * access line, the numbers and the tunnel. Every query runs on the LAC's loop.
 */
final class LacAdminModel implements AdminModel {
    private final NettyL2tpEndpoint endpoint;
    private final LacService service;
    private volatile boolean ready;

    private final java.util.function.Supplier<ReloadReport> reloader;

    LacAdminModel(NettyL2tpEndpoint endpoint, LacService service, java.util.function.Supplier<ReloadReport> reloader) {
        this.endpoint = endpoint;
        this.service = service;
        this.reloader = reloader;
    }

    void ready(boolean value) {
        ready = value;
    }

    @Override
    public CompletionStage<List<TunnelView>> tunnels() {
        return endpoint.call(() -> {
            Map<Integer, String> groups = new HashMap<>();
            for (CallView c : service.calls()) {
                if (c.tunnelId() != 0 && !c.group().isEmpty()) groups.putIfAbsent(c.tunnelId(), c.group());
            }
            List<TunnelView> out = new ArrayList<>();
            for (Tunnel t : endpoint.engine().tunnels()) out.add(view(t, groups.get(t.localId())));
            return out;
        });
    }

    private TunnelView view(Tunnel t, String group) {
        var local = endpoint.localAddress();
        return new TunnelView(t.localId(), t.peerId(), local.getAddress().getHostAddress(), local.getPort(),
                t.peer().getAddress().getHostAddress(), t.peer().getPort(), t.peerHostName(), state(t.state().name()),
                t.sessionCount(), t.uptimeNanos() / 1_000_000_000L, group);
    }

    @Override
    public CompletionStage<List<SessionView>> sessions() {
        return endpoint.call(() -> {
            List<SessionView> out = new ArrayList<>();
            for (Tunnel t : endpoint.engine().tunnels()) {
                for (Session s : t.sessions()) out.add(view(t, s));
            }
            return out;
        });
    }

    private SessionView view(Tunnel t, Session s) {
        var call = service.callOf(s);
        return new SessionView(s.localId(), s.peerId(), t.localId(), t.peerId(), state(s.state().name()),
                call.map(CallView::user).filter(u -> !u.isEmpty()).orElse(null), call.map(CallView::lineId).orElse(null),
                null, call.map(CallView::callingNumber).filter(n -> !n.isEmpty()).orElse(null),
                call.map(CallView::calledNumber).filter(n -> !n.isEmpty()).orElse(null),
                s.uptimeNanos() / 1_000_000_000L, s.packetsOut(), s.packetsIn(), s.octetsOut(), s.octetsIn());
    }

    @Override
    public CompletionStage<Boolean> clearTunnel(int localId) {
        return endpoint.call(() -> {
            Tunnel t = endpoint.engine().tunnel(localId);
            if (t == null) return false;
            t.close(StopCcnResult.GENERAL_REQUEST_TO_CLEAR, ErrorCode.NO_GENERAL_ERROR, "cleared by the administrator");
            return true;
        });
    }

    @Override
    public CompletionStage<Boolean> clearSession(int localId) {
        return endpoint.call(() -> {
            for (Tunnel t : endpoint.engine().tunnels()) {
                for (Session s : t.sessions()) {
                    if (s.localId() != localId) continue;
                    if (!service.clear(s, "cleared by the administrator")) {
                        s.close(CdnResult.ADMINISTRATIVE, ErrorCode.NO_GENERAL_ERROR, "cleared by the administrator");
                    }
                    return true;
                }
            }
            return false;
        });
    }

    /** Reading the file blocks, so it runs off the admin and engine loops. */
    @Override
    public CompletionStage<ReloadReport> reload() {
        return CompletableFuture.supplyAsync(reloader);
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public String role() {
        return "lac";
    }

    /** The admin API's spelling of an engine state: lower case with dashes. */
    static String state(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
