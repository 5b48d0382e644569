package net.vpdn.admin.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.vpdn.admin.AdminModel;
import net.vpdn.admin.Api;
import net.vpdn.admin.ClearResult;
import net.vpdn.admin.SessionRef;
import net.vpdn.admin.HttpReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link Route} into an {@link Answer} by asking the {@link AdminModel}. Never blocks: model
 * calls return stages, documents are serialised on the given executor (the admin event loop, not the
 * engine's), and a stage that does not complete within the timeout becomes a 503.
 */
public final class RouteDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RouteDispatcher.class);

    private final AdminModel model;
    private final Map<String, Supplier<CompletionStage<HttpReply>>> extras;
    private final Duration timeout;

    /**
     * @param model   the process behind the API
     * @param extras  handlers of extra GET paths
     * @param timeout how long a model call may take before the request gets a 503
     */
    public RouteDispatcher(AdminModel model, Map<String, Supplier<CompletionStage<HttpReply>>> extras, Duration timeout) {
        this.model = model;
        this.extras = Map.copyOf(extras);
        this.timeout = timeout;
    }

    /** Answers the route; the returned stage never completes exceptionally. */
    public CompletableFuture<Answer> dispatch(Route route, Executor serialiseOn) {
        try {
            return answer(route, serialiseOn).exceptionally(e -> failed(route, e));
        } catch (RuntimeException e) {
            return done(failed(route, e));
        }
    }

    private CompletableFuture<Answer> answer(Route route, Executor exec) {
        String role = model.role();
        return switch (route) {
            case Route.Health h -> done(Answer.json(200, new Api.Health("alive", role)));
            case Route.Ready r -> done(ready(role));
            case Route.ListTunnels l -> call(model::tunnels).thenApplyAsync(t -> Answer.json(200, new Api.TunnelList(role, t)), exec);
            case Route.ListSessions l -> call(model::sessions).thenApplyAsync(s -> Answer.json(200, new Api.SessionList(role, s)), exec);
            case Route.ClearTunnel c -> call(() -> model.clearTunnel(c.localId())).thenApply(ok -> cleared(ok, "tunnel", c.localId()));
            case Route.ClearSession c -> call(() -> model.clearSession(c.ref())).thenApply(r -> cleared(r, c.ref()));
            case Route.Reload r -> call(model::reload).thenApplyAsync(rep -> Answer.json(200, rep), exec);
            case Route.Extra x -> call(extras.get(x.path())).thenApply(reply -> new Answer(reply, Map.of()));
            case Route.BadId b -> done(Answer.error(400, b.detail()));
            case Route.MethodNotAllowed m -> done(Answer.error(405, "method not allowed; allowed: " + m.allow()).withHeader("Allow", m.allow()));
            case Route.NotFound n -> done(Answer.error(404, "no such path"));
        };
    }

    private Answer ready(String role) {
        boolean ready;
        try {
            ready = model.ready();
        } catch (RuntimeException e) {
            LOG.warn("event=admin-ready-failed error=\"{}\"", e.getClass().getSimpleName(), e);
            ready = false;
        }
        return Answer.json(ready ? 200 : 503, new Api.Ready(ready, role));
    }

    private static Answer cleared(Boolean ok, String what, int id) {
        return Boolean.TRUE.equals(ok) ? Answer.noContent() : Answer.error(404, "no " + what + " with local id " + id);
    }

    private static Answer cleared(ClearResult result, SessionRef ref) {
        return switch (result) {
            case CLEARED -> Answer.noContent();
            case NOT_FOUND -> Answer.error(404, "no session " + ref.text());
            case AMBIGUOUS -> Answer.error(409, "session id " + ref.text() + " exists in several tunnels;"
                    + " name it as TUNNEL/SESSION (e.g. /api/sessions/12/" + ref.text() + ") or by its Virtual-Access interface");
        };
    }

    /** Adapts any stage (even one that is not a CompletableFuture) and bounds it by the timeout. */
    private <T> CompletableFuture<T> call(Supplier<? extends CompletionStage<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            call.get().whenComplete((v, e) -> {
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(v);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private Answer failed(Route route, Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        String what = route.getClass().getSimpleName();
        if (cause instanceof TimeoutException) {
            LOG.warn("event=admin-timeout route={} timeout={}", what, timeout);
            return Answer.error(503, "the process did not answer within " + timeout.toMillis() + " ms");
        }
        LOG.warn("event=admin-failed route={} error={}", what, cause.getClass().getSimpleName(), cause);
        return Answer.error(500, "internal error: " + what + " failed");
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
