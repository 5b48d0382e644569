package net.vpdn.l2tp.engine;

import java.util.EnumMap;
import java.util.Map;
import net.vpdn.l2tp.wire.DropReason;
import net.vpdn.l2tp.wire.MessageType;

/**
 * Counters the metrics module exports. Written only on the engine's thread (the {@code count*}
 * methods); read from anywhere, where a slightly stale value is fine for monitoring.
 */
public final class EngineStats {
    private final long[] wireDrops = new long[DropReason.values().length];
    private final long[] engineDrops = new long[EngineDrop.values().length];
    private final long[] rxByType = new long[17];
    private final long[] txByType = new long[17];
    private long rxZlb;
    private long txZlb;
    private long rejectedSccrq;
    private long dataRx;
    private long dataTx;
    // what released tunnels and sessions had counted, so totals never go down when they vanish
    private final long[] closedTransport = new long[4];
    private long closedOctetsIn;
    private long closedOctetsOut;

    /** Counts a packet dropped by the syntax layer. */
    public void countDrop(DropReason reason) { wireDrops[reason.ordinal()]++; }
    /** Counts a packet dropped by the engine. */
    public void countDrop(EngineDrop reason) { engineDrops[reason.ordinal()]++; }
    void countReceived(MessageType t) { rxByType[t.code()]++; }
    void countSent(MessageType t) { txByType[t.code()]++; }
    void countReceivedZlb() { rxZlb++; }
    void countSentZlb() { txZlb++; }
    void countRejectedSccrq() { rejectedSccrq++; }
    /** Called by the data path for each data message accepted. */
    public void countDataReceived() { dataRx++; }
    /** Called by the data path for each data message sent. */
    public void countDataSent() { dataTx++; }

    public long dropped(DropReason reason) { return wireDrops[reason.ordinal()]; }
    public long dropped(EngineDrop reason) { return engineDrops[reason.ordinal()]; }
    public long received(MessageType t) { return rxByType[t.code()]; }
    public long sent(MessageType t) { return txByType[t.code()]; }
    public long receivedZlb() { return rxZlb; }
    public long sentZlb() { return txZlb; }
    public long rejectedSccrq() { return rejectedSccrq; }
    public long dataReceived() { return dataRx; }
    public long dataSent() { return dataTx; }

    /** A session is released: its octets join the closed totals. */
    void retireSession(Session s) {
        closedOctetsIn += s.octetsIn();
        closedOctetsOut += s.octetsOut();
    }

    /** A tunnel is released: its transport counters join the closed totals. */
    void retireTunnel(Tunnel t) {
        var c = t.transport().counters();
        closedTransport[0] += c.retransmissions();
        closedTransport[1] += c.duplicates();
        closedTransport[2] += c.outOfOrderHeld();
        closedTransport[3] += c.outOfWindowDropped();
    }

    /** Octets in and out of sessions already released. */
    public long closedSessionOctetsIn() { return closedOctetsIn; }
    public long closedSessionOctetsOut() { return closedOctetsOut; }

    /**
     * Transport counters of tunnels already released: retransmissions, duplicates, out-of-order held,
     * out-of-window dropped (a copy).
     */
    public long[] closedTunnelTransport() { return closedTransport.clone(); }

    /** Syntax-layer drops by reason, omitting zeros. */
    public Map<DropReason, Long> wireDropsByReason() {
        Map<DropReason, Long> m = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            if (wireDrops[r.ordinal()] > 0) m.put(r, wireDrops[r.ordinal()]);
        }
        return m;
    }

    /** Engine drops by reason, omitting zeros. */
    public Map<EngineDrop, Long> engineDropsByReason() {
        Map<EngineDrop, Long> m = new EnumMap<>(EngineDrop.class);
        for (EngineDrop r : EngineDrop.values()) {
            if (engineDrops[r.ordinal()] > 0) m.put(r, engineDrops[r.ordinal()]);
        }
        return m;
    }
}
