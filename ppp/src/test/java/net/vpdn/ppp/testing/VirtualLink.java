package net.vpdn.ppp.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BiPredicate;
import java.util.function.Function;
import net.vpdn.ppp.fsm.ControlProtocol;
import net.vpdn.ppp.fsm.CpEffect;
import net.vpdn.ppp.wire.CpPacket;

/**
 * Two {@link ControlProtocol} engines joined by an in-memory link under virtual time: sends are
 * delivered in order unless the drop rule says otherwise, Restart timers fire when the clock is
 * advanced past them. No threads, no sleeps.
 */
public final class VirtualLink {
    /** One side of the link and what happened to it. */
    public final class Side {
        public final String name;
        public final ControlProtocol cp;
        public final List<CpEffect> log = new ArrayList<>();
        public final List<CpPacket> sent = new ArrayList<>();
        Side peer;
        public long timerDue = -1;
        long timerToken;

        Side(String name, ControlProtocol cp) {
            this.name = name;
            this.cp = cp;
        }

        void apply(List<CpEffect> effects) {
            for (CpEffect e : effects) {
                log.add(e);
                switch (e) {
                    case CpEffect.Send s -> {
                        sent.add(s.packet());
                        if (!dropRule.test(this, s.packet())) {
                            inFlight.add(() -> peer.apply(peer.cp.receive(s.packet())));
                        }
                    }
                    case CpEffect.ArmRestartTimer arm -> {
                        timerDue = nowNanos + arm.after().toNanos();
                        timerToken = arm.token();
                    }
                    case CpEffect.CancelRestartTimer c -> timerDue = -1;
                    default -> { }
                }
            }
        }

        /** Effects of the given type, in order. */
        public <T extends CpEffect> List<T> effects(Class<T> type) {
            return log.stream().filter(type::isInstance).map(type::cast).toList();
        }

        public void input(Function<ControlProtocol, List<CpEffect>> event) {
            apply(event.apply(cp));
        }
    }

    public final Side a;
    public final Side b;
    final Deque<Runnable> inFlight = new ArrayDeque<>();
    public long nowNanos;
    public BiPredicate<Side, CpPacket> dropRule = (from, p) -> false;

    public VirtualLink(ControlProtocol a, ControlProtocol b) {
        this.a = new Side("a", a);
        this.b = new Side("b", b);
        this.a.peer = this.b;
        this.b.peer = this.a;
    }

    /** Delivers packets and fires timers in time order until nothing is pending or {@code limit} passes. */
    public void run(Duration limit) {
        long end = nowNanos + limit.toNanos();
        while (true) {
            while (!inFlight.isEmpty()) {
                inFlight.poll().run();
            }
            PriorityQueue<Side> due = new PriorityQueue<>((x, y) -> Long.compare(x.timerDue, y.timerDue));
            for (Side s : List.of(a, b)) {
                if (s.timerDue >= 0) {
                    due.add(s);
                }
            }
            Side next = due.peek();
            if (next == null || next.timerDue > end) {
                nowNanos = Math.max(nowNanos, next == null ? nowNanos : end);
                return;
            }
            nowNanos = next.timerDue;
            next.timerDue = -1;
            next.apply(next.cp.timeout(next.timerToken));
        }
    }
}
