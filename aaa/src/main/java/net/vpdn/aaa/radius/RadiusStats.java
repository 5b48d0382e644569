package net.vpdn.aaa.radius;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the RADIUS client and Disconnect listener; read by the metrics module. */
public final class RadiusStats {
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);
    /** Requests started. */
    public final LongAdder requests = new LongAdder();
    /** Retransmissions to the same server. */
    public final LongAdder retransmits = new LongAdder();
    /** Moves to the next server after the tries to one ran out. */
    public final LongAdder failovers = new LongAdder();
    /** Requests that no server answered. */
    public final LongAdder noAnswer = new LongAdder();
    /** Requests refused because too many already waited for an identifier. */
    public final LongAdder waitingOverflow = new LongAdder();
    /** Valid replies. */
    public final LongAdder replies = new LongAdder();

    private volatile RadiusObserver observer = RadiusObserver.NONE;

    public RadiusStats() {
        for (DropReason r : DropReason.values()) {
            dropped.put(r, new LongAdder());
        }
    }

    /** Also tells {@code observer} how each exchange with a server ended (one observer; the last set wins). */
    public void observe(RadiusObserver observer) {
        this.observer = observer == null ? RadiusObserver.NONE : observer;
    }

    /** One exchange with {@code server} ended; see {@link RadiusObserver#completed}. */
    void completed(String server, RadiusObserver.Type type, RadiusObserver.Outcome outcome, long nanos) {
        observer.completed(server, type, outcome, Math.max(0, nanos));
    }

    /** Counts a discarded datagram. */
    public void dropped(DropReason reason) {
        dropped.get(reason).increment();
    }

    /** Datagrams discarded for {@code reason}. */
    public long droppedCount(DropReason reason) {
        return dropped.get(reason).sum();
    }
}
