package net.vpdn.ppp.auth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import net.vpdn.ppp.wire.CpPacket;

/**
 * An authenticator and a peer joined in memory under virtual time. Verification goes through a
 * real {@link AuthVerifier}; its verdicts come back as later events, as they will from RADIUS.
 */
final class AuthLink {
    /** One end: how it takes packets and timer expiries, and what it did. */
    static final class End {
        final Function<CpPacket, List<AuthEffect>> receive;
        final LongFunction<List<AuthEffect>> timeout;
        final List<AuthEffect> log = new ArrayList<>();
        final List<CpPacket> sent = new ArrayList<>();
        End peer;
        long timerDue = -1;
        long token;

        End(Function<CpPacket, List<AuthEffect>> receive, LongFunction<List<AuthEffect>> timeout) {
            this.receive = receive;
            this.timeout = timeout;
        }

        <T extends AuthEffect> List<T> effects(Class<T> type) {
            return log.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    final End authenticator;
    final End peer;
    final AuthVerifier verifier;
    final BiFunction<Long, AuthVerdict, List<AuthEffect>> onVerdict;
    final Deque<Runnable> events = new ArrayDeque<>();
    final List<CompletableFuture<AuthVerdict>> heldVerdicts = new ArrayList<>();
    Predicate<CpPacket> drop = p -> false;
    long nowNanos;
    int verifications;

    AuthLink(End authenticator, End peer, AuthVerifier verifier, BiFunction<Long, AuthVerdict, List<AuthEffect>> onVerdict) {
        this.authenticator = authenticator;
        this.peer = peer;
        this.verifier = verifier;
        this.onVerdict = onVerdict;
        authenticator.peer = peer;
        peer.peer = authenticator;
    }

    void apply(End end, List<AuthEffect> effects) {
        for (AuthEffect e : effects) {
            end.log.add(e);
            switch (e) {
                case AuthEffect.Send s -> {
                    end.sent.add(s.packet());
                    if (!drop.test(s.packet())) {
                        events.add(() -> apply(end.peer, end.peer.receive.apply(s.packet())));
                    }
                }
                case AuthEffect.ArmTimer t -> {
                    end.timerDue = nowNanos + t.after().toNanos();
                    end.token = t.token();
                }
                case AuthEffect.CancelTimer c -> end.timerDue = -1;
                case AuthEffect.Verify v -> {
                    verifications++;
                    verifier.verify(v.request()).thenAccept(
                            verdict -> events.add(() -> apply(authenticator, onVerdict.apply(v.attempt(), verdict))));
                }
                case AuthEffect.Succeeded s -> { }
                case AuthEffect.Failed f -> { }
            }
        }
    }

    /** Runs events, then timers in time order, until quiet or {@code limitNanos} of virtual time pass. */
    void run(long limitNanos) {
        long end = nowNanos + limitNanos;
        while (true) {
            while (!events.isEmpty()) {
                events.poll().run();
            }
            End next = null;
            for (End e : List.of(authenticator, peer)) {
                if (e.timerDue >= 0 && (next == null || e.timerDue < next.timerDue)) {
                    next = e;
                }
            }
            if (next == null || next.timerDue > end) {
                return;
            }
            nowNanos = next.timerDue;
            next.timerDue = -1;
            apply(next, next.timeout.apply(next.token));
        }
    }
}
