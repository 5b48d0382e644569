package net.vpdn.lns;

import java.time.Duration;
import java.util.function.Consumer;
import net.vpdn.vtemplate.TerminateCause;
import net.vpdn.vtemplate.VirtualAccess;

/**
 * The timers of one in-service session, on its event loop: the session timeout, the idle timeout
 * (nothing received from the subscriber for that long) and the accounting Interim-Update period.
 * One-shot loop timers, re-armed as they fire: no thread and no polling per session.
 */
final class ServiceTimers {
    private final LoopScheduler loop;
    private final VirtualAccess access;
    private final Consumer<TerminateCause> expire;
    private final Runnable interim;
    private LoopScheduler.Cancellable sessionTimer;
    private LoopScheduler.Cancellable idleTimer;
    private LoopScheduler.Cancellable interimTimer;

    /**
     * @param expire ends the session for a timeout cause
     * @param interim sends one Interim-Update
     */
    ServiceTimers(LoopScheduler loop, VirtualAccess access, Consumer<TerminateCause> expire, Runnable interim) {
        this.loop = loop;
        this.access = access;
        this.expire = expire;
        this.interim = interim;
    }

    /** Arms each timer whose duration is positive (zero = off). */
    void arm(Duration session, Duration idle, Duration interimEvery) {
        cancel();
        if (session.isPositive()) {
            sessionTimer = loop.schedule(session, () -> {
                sessionTimer = null;
                expire.accept(TerminateCause.SESSION_TIMEOUT);
            });
        }
        if (idle.isPositive()) {
            idleTimer = loop.schedule(idle, () -> idleCheck(idle));
        }
        if (interimEvery.isPositive()) {
            interimTimer = loop.schedule(interimEvery, () -> interimTick(interimEvery));
        }
    }

    /** Idle means nothing from the subscriber: traffic towards it does not keep a session alive. */
    private void idleCheck(Duration idle) {
        long quiet = loop.nanoTime() - access.lastActivityNanos();
        if (quiet >= idle.toNanos()) {
            idleTimer = null;
            expire.accept(TerminateCause.IDLE_TIMEOUT);
        } else {
            idleTimer = loop.schedule(Duration.ofNanos(idle.toNanos() - quiet), () -> idleCheck(idle));
        }
    }

    private void interimTick(Duration every) {
        interimTimer = loop.schedule(every, () -> interimTick(every));
        interim.run();
    }

    /** Stops every timer; arming again starts afresh. */
    void cancel() {
        if (sessionTimer != null) {
            sessionTimer.cancel();
            sessionTimer = null;
        }
        if (idleTimer != null) {
            idleTimer.cancel();
            idleTimer = null;
        }
        if (interimTimer != null) {
            interimTimer.cancel();
            interimTimer = null;
        }
    }
}
