package net.vpdn.ppp.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import net.vpdn.ppp.auth.AuthVerifier;

/** Two {@link PppSession}s over an in-memory link, with per-timer virtual time and an async verifier. */
final class SessionLink {
    /** One end. */
    final class End {
        final String name;
        final PppSession session;
        final List<PppOutput> log = new ArrayList<>();
        final Map<PppTimer, long[]> timers = new EnumMap<>(PppTimer.class);
        End peer;

        End(String name, PppSession session) {
            this.name = name;
            this.session = session;
        }

        void apply(List<PppOutput> outputs) {
            for (PppOutput o : outputs) {
                log.add(o);
                switch (o) {
                    case PppOutput.SendFrame f -> {
                        if (!drop.test(this, f)) {
                            byte[] bytes = f.frame().toArray();
                            events.add(() -> peer.apply(peer.session.receive(bytes)));
                        }
                    }
                    case PppOutput.ArmTimer t -> timers.put(t.timer(), new long[] {nowNanos + t.after().toNanos(), t.token()});
                    case PppOutput.CancelTimer c -> timers.remove(c.timer());
                    case PppOutput.Verify v -> verifier.verify(v.request())
                            .thenAccept(verdict -> events.add(() -> apply(session.verdict(v.attempt(), verdict))));
                    default -> { }
                }
            }
        }

        <T extends PppOutput> List<T> outputs(Class<T> type) {
            return log.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    final End a;
    final End b;
    final AuthVerifier verifier;
    final Deque<Runnable> events = new ArrayDeque<>();
    BiPredicate<End, PppOutput.SendFrame> drop = (from, f) -> false;
    long nowNanos;

    SessionLink(PppSession a, PppSession b, AuthVerifier verifier) {
        this.a = new End("a", a);
        this.b = new End("b", b);
        this.a.peer = this.b;
        this.b.peer = this.a;
        this.verifier = verifier;
    }

    void start() {
        a.apply(a.session.lowerUp());
        b.apply(b.session.lowerUp());
    }

    /** Runs until nothing is pending or {@code limitNanos} of virtual time pass. */
    void run(long limitNanos) {
        long end = nowNanos + limitNanos;
        while (true) {
            while (!events.isEmpty()) {
                events.poll().run();
            }
            End which = null;
            PppTimer timer = null;
            long due = Long.MAX_VALUE;
            for (End e : List.of(a, b)) {
                for (Map.Entry<PppTimer, long[]> t : e.timers.entrySet()) {
                    if (t.getValue()[0] < due) {
                        due = t.getValue()[0];
                        which = e;
                        timer = t.getKey();
                    }
                }
            }
            if (which == null || due > end) {
                nowNanos = end;
                return;
            }
            nowNanos = due;
            long token = which.timers.remove(timer)[1];
            which.apply(which.session.timer(timer, token));
        }
    }
}
