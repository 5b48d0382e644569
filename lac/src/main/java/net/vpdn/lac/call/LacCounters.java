package net.vpdn.lac.call;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import net.vpdn.lac.select.RefusalReason;

/**
 * Call counters of a LAC, readable from any thread (an endpoint's calls update them on its loop;
 * several loops may share one instance). Refusals are counted per {@link RefusalReason}.
 */
public final class LacCounters {
    private final AtomicLongArray refusals = new AtomicLongArray(RefusalReason.values().length);
    private final LongAdder offered = new LongAdder();
    private final LongAdder connected = new LongAdder();
    private final LongAdder pppFailed = new LongAdder();
    private final LongAdder clearedBySubscriber = new LongAdder();
    private final LongAdder clearedByNetwork = new LongAdder();
    private final LongAdder framesDropped = new LongAdder();
    private final LongAdder lnsRefusedAttempts = new LongAdder();

    void offered() { offered.increment(); }
    void connected() { connected.increment(); }
    void pppFailed() { pppFailed.increment(); }
    void clearedBySubscriber() { clearedBySubscriber.increment(); }
    void clearedByNetwork() { clearedByNetwork.increment(); }
    void frameDropped() { framesDropped.increment(); }
    void lnsRefusedAttempt() { lnsRefusedAttempts.increment(); }
    void refused(RefusalReason reason) { refusals.incrementAndGet(reason.ordinal()); }

    /** Lines that came up. */
    public long callsOffered() { return offered.sum(); }
    /** Calls connected to an LNS (ICCN acknowledged). */
    public long callsConnected() { return connected.sum(); }
    /** Calls whose PPP with the subscriber failed before the hand-off. */
    public long pppFailures() { return pppFailed.sum(); }
    /** Connected calls the subscriber hung up. */
    public long callsClearedBySubscriber() { return clearedBySubscriber.sum(); }
    /** Connected calls the LNS or the tunnel cleared. */
    public long callsClearedByNetwork() { return clearedByNetwork.sum(); }
    /** Subscriber frames dropped while the call was not yet connected. */
    public long framesDropped() { return framesDropped.sum(); }
    /** Placing attempts an LNS cleared before they connected (each moved the call on to the next LNS or set). */
    public long lnsRefusedAttempts() { return lnsRefusedAttempts.sum(); }
    /** Calls refused for {@code reason}. */
    public long refusals(RefusalReason reason) { return refusals.get(reason.ordinal()); }

    /** All refusal counters, for metrics export. */
    public Map<RefusalReason, Long> refusals() {
        Map<RefusalReason, Long> out = new EnumMap<>(RefusalReason.class);
        for (RefusalReason r : RefusalReason.values()) out.put(r, refusals(r));
        return out;
    }
}
