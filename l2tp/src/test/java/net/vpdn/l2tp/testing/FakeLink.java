package net.vpdn.l2tp.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An in-memory datagram link between two endpoints under a {@link ManualScheduler}. Each packet
 * sent meets a fate: one-shot scripted rules first ({@link #dropNext}, {@link #duplicateNext},
 * {@link #delayNext}), then the link's {@link LinkImpairment} (loss, duplication, latency and
 * jitter, the jitter reordering packets). Every send is logged with its virtual time.
 *
 * @param <P> the packet type; the link never looks inside it
 */
public final class FakeLink<P> {

    /** The two ends of the link. */
    public enum Side {
        A, B;

        /** The opposite end. */
        public Side other() {
            return this == A ? B : A;
        }
    }

    /** One packet handed to the link, with the number of copies that will arrive (0 = lost). */
    public record Sent<P>(long atNanos, Side from, P packet, int copies) {
    }

    private record Rule<P>(Side from, Predicate<P> match, List<Duration> extraDelays) {
    }

    private final ManualScheduler scheduler;
    private final Map<Side, Consumer<P>> receivers = new EnumMap<>(Side.class);
    private final List<Rule<P>> rules = new ArrayList<>();
    private final List<Sent<P>> log = new ArrayList<>();
    private LinkImpairment<P> impairment;
    private long arrived;

    /** A link whose default fate for every packet comes from {@code impairment}. */
    public FakeLink(ManualScheduler scheduler, LinkImpairment<P> impairment) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.impairment = Objects.requireNonNull(impairment, "impairment");
    }

    /** Packets sent towards {@code side} go to {@code receiver}; none attached means dropped. */
    public void attach(Side side, Consumer<P> receiver) {
        receivers.put(side, receiver);
    }

    /** Replaces the default impairment from now on (e.g. to cut the link). */
    public void setImpairment(LinkImpairment<P> impairment) {
        this.impairment = Objects.requireNonNull(impairment, "impairment");
    }

    /** The next packet from {@code from} matching {@code match} is lost. */
    public void dropNext(Side from, Predicate<P> match) {
        rules.add(new Rule<>(from, match, List.of()));
    }

    /** The next packet from {@code from} matching {@code match} arrives twice. */
    public void duplicateNext(Side from, Predicate<P> match) {
        rules.add(new Rule<>(from, match, List.of(Duration.ZERO, Duration.ZERO)));
    }

    /** The next packet from {@code from} matching {@code match} arrives {@code extra} late. */
    public void delayNext(Side from, Predicate<P> match, Duration extra) {
        rules.add(new Rule<>(from, match, List.of(extra)));
    }

    /** Sends {@code packet} from {@code from} to the other side. */
    public void send(Side from, P packet) {
        List<Duration> delays = fate(from, packet);
        log.add(new Sent<>(scheduler.nowNanos(), from, packet, delays.size()));
        Side to = from.other();
        for (Duration delay : delays) {
            scheduler.schedule(delay, () -> arrive(to, packet));
        }
    }

    /** Everything sent so far, in order. */
    public List<Sent<P>> log() {
        return Collections.unmodifiableList(log);
    }

    /** Packets (copies) that reached an attached receiver. */
    public long arrivedCount() {
        return arrived;
    }

    private List<Duration> fate(Side from, P packet) {
        List<Duration> base = impairment.fate(from, packet);
        for (Iterator<Rule<P>> it = rules.iterator(); it.hasNext(); ) {
            Rule<P> rule = it.next();
            if (rule.from == from && rule.match.test(packet)) {
                it.remove();
                Duration latency = base.isEmpty() ? Duration.ZERO : base.getFirst();
                return rule.extraDelays.stream().map(latency::plus).toList();
            }
        }
        return base;
    }

    private void arrive(Side to, P packet) {
        Consumer<P> receiver = receivers.get(to);
        if (receiver != null) {
            arrived++;
            receiver.accept(packet);
        }
    }
}
