package net.vpdn.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A scripted {@link AdminModel}: fixed views, known ids, and optional pending or failing stages. */
public final class FakeModel implements AdminModel {

    public static final TunnelView TUNNEL = new TunnelView(12345, 54321, "192.0.2.10", 1701, "192.0.2.1", 1701,
            "lac1.example.net", "established", 2, 3723, "isp-a");
    public static final SessionView SESSION = new SessionView(4711, 815, 12345, 54321, "established", "alice@isp-a",
            "Virtual-Access3", "10.0.0.7", "0612345678", "0800123", 65, 120, 98, 64_000, 12_345);

    public volatile String role = "lns";
    public volatile boolean ready = true;
    public volatile List<TunnelView> tunnels = List.of(TUNNEL);
    public volatile List<SessionView> sessions = List.of(SESSION);
    public volatile Set<Integer> knownTunnels = Set.of(12345);
    public volatile Set<Integer> knownSessions = Set.of(4711);
    public volatile ReloadReport report = new ReloadReport(List.of("lns.hello-interval"), List.of("lns.listen"), List.of());
    /** When set, {@link #tunnels()} returns this stage instead of a completed one. */
    public volatile CompletableFuture<List<TunnelView>> pendingTunnels;
    /** When set, {@link #sessions()} fails with it. */
    public volatile RuntimeException sessionsFailure;
    public final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<List<TunnelView>> tunnels() {
        calls.add("tunnels");
        CompletableFuture<List<TunnelView>> pending = pendingTunnels;
        return pending != null ? pending : CompletableFuture.completedFuture(new ArrayList<>(tunnels));
    }

    @Override
    public CompletionStage<List<SessionView>> sessions() {
        calls.add("sessions");
        if (sessionsFailure != null) {
            return CompletableFuture.failedFuture(sessionsFailure);
        }
        return CompletableFuture.completedFuture(sessions);
    }

    @Override
    public CompletionStage<Boolean> clearTunnel(int localId) {
        calls.add("clearTunnel " + localId);
        return CompletableFuture.completedFuture(knownTunnels.contains(localId));
    }

    @Override
    public CompletionStage<Boolean> clearSession(int localId) {
        calls.add("clearSession " + localId);
        return CompletableFuture.completedFuture(knownSessions.contains(localId));
    }

    /** Answers for session references by their text; others go the default way. */
    public final java.util.Map<String, ClearResult> refAnswers = new java.util.HashMap<>();

    @Override
    public CompletionStage<ClearResult> clearSession(SessionRef ref) {
        ClearResult fixed = refAnswers.get(ref.text());
        if (fixed != null) {
            calls.add("clearSession " + ref.text());
            return CompletableFuture.completedFuture(fixed);
        }
        return AdminModel.super.clearSession(ref);
    }

    @Override
    public CompletionStage<ReloadReport> reload() {
        calls.add("reload");
        return CompletableFuture.completedFuture(report);
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public String role() {
        return role;
    }
}
