package net.vpdn.l2tp.engine;

import java.util.EnumMap;
import java.util.Map;
import net.vpdn.l2tp.transport.TransportCounters;
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
    /** Transport counters of released tunnels: retransmissions, duplicates, out of order, out of window. */
    private final long[] retiredTransport = new long[4];
    /** Data octets of released sessions: in, out. */
    private final long[] retiredOctets = new long[2];
    private final long[] tunnelTeardowns = new long[TunnelEnd.values().length];
    private final long[] tunnelSetupFailures = new long[TunnelEnd.values().length];

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

    /** Folds a released tunnel's transport counters into the endpoint totals, so none are lost with it. */
    void retireTransport(TransportCounters c) {
        retiredTransport[0] += c.retransmissions();
        retiredTransport[1] += c.duplicates();
        retiredTransport[2] += c.outOfOrderHeld();
        retiredTransport[3] += c.outOfWindowDropped();
    }

    /** Folds a released session's data octets into the endpoint totals. */
    void retireOctets(long in, long out) {
        retiredOctets[0] += in;
        retiredOctets[1] += out;
    }

    /** Counts a tunnel that ended: a teardown if it had been established, else a failed setup. */
    void countTunnelEnd(TunnelEnd end, boolean wasEstablished) {
        (wasEstablished ? tunnelTeardowns : tunnelSetupFailures)[end.ordinal()]++;
    }

    /** Retransmissions of tunnels already released (add the live tunnels' own counters for the total). */
    public long retiredRetransmissions() { return retiredTransport[0]; }
    public long retiredDuplicates() { return retiredTransport[1]; }
    public long retiredOutOfOrder() { return retiredTransport[2]; }
    public long retiredOutOfWindow() { return retiredTransport[3]; }
    /** Data octets received on sessions already released. */
    public long retiredOctetsIn() { return retiredOctets[0]; }
    /** Data octets sent on sessions already released. */
    public long retiredOctetsOut() { return retiredOctets[1]; }
    /** Established tunnels that ended for {@code end}. */
    public long tunnelTeardowns(TunnelEnd end) { return tunnelTeardowns[end.ordinal()]; }
    /** Tunnels that ended for {@code end} before they were established. */
    public long tunnelSetupFailures(TunnelEnd end) { return tunnelSetupFailures[end.ordinal()]; }
    /** HELLO timeouts: established tunnels whose peer stopped acknowledging HELLO. */
    public long helloTimeouts() { return tunnelTeardowns[TunnelEnd.HELLO_TIMEOUT.ordinal()]; }

    public long dropped(DropReason reason) { return wireDrops[reason.ordinal()]; }
    public long dropped(EngineDrop reason) { return engineDrops[reason.ordinal()]; }
    public long received(MessageType t) { return rxByType[t.code()]; }
    public long sent(MessageType t) { return txByType[t.code()]; }
    public long receivedZlb() { return rxZlb; }
    public long sentZlb() { return txZlb; }
    public long rejectedSccrq() { return rejectedSccrq; }
    public long dataReceived() { return dataRx; }
    public long dataSent() { return dataTx; }

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
