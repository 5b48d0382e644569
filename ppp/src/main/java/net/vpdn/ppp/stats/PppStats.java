package net.vpdn.ppp.stats;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import net.vpdn.ppp.wire.PppDropReason;

/**
 * Per-endpoint counters: frames and octets in and out by PPP protocol number, frames dropped
 * by decode reason, and negotiation failures by reason. Plain fields on the endpoint's event
 * loop; the metrics module reads snapshots.
 *
 * <p>One of these lives in every session of an LNS holding 100,000 of them, and every frame counts
 * in it, so the storage is flat: the protocols seen so far in a small int array (a session sees about
 * five), their four counters side by side in a long array, both grown only when a new protocol
 * appears; drop and failure counters are allocated on the first drop or failure. Counting a frame
 * allocates nothing.
 */
public final class PppStats {
    /** Frames and octets for one protocol and direction. */
    public record Count(long frames, long octets) { }

    private static final int FIELDS = 4; // frames in, octets in, frames out, octets out
    private static final int INITIAL_PROTOCOLS = 4;

    private int[] protocols = new int[INITIAL_PROTOCOLS];
    private long[] counts = new long[INITIAL_PROTOCOLS * FIELDS];
    private int used;
    private long[] dropped;
    private long[] failures;

    /** A frame of {@code protocol} and {@code octets} length arrived. */
    public void received(int protocol, int octets) {
        int at = slot(protocol) * FIELDS;
        counts[at]++;
        counts[at + 1] += octets;
    }

    /** A frame of {@code protocol} and {@code octets} length was sent. */
    public void sent(int protocol, int octets) {
        int at = slot(protocol) * FIELDS;
        counts[at + 2]++;
        counts[at + 3] += octets;
    }

    /** A frame was dropped by the decoder. */
    public void drop(PppDropReason reason) {
        if (dropped == null) dropped = new long[PppDropReason.values().length];
        dropped[reason.ordinal()]++;
    }

    /** A negotiation failed. */
    public void fail(NegotiationFailure reason) {
        if (failures == null) failures = new long[NegotiationFailure.values().length];
        failures[reason.ordinal()]++;
    }

    /** Received counts by protocol number (a copy). */
    public Map<Integer, Count> in() {
        return byProtocol(0);
    }

    /** Sent counts by protocol number (a copy). */
    public Map<Integer, Count> out() {
        return byProtocol(2);
    }

    /** Received count for one protocol. */
    public Count in(int protocol) {
        return count(protocol, 0);
    }

    /** Sent count for one protocol. */
    public Count out(int protocol) {
        return count(protocol, 2);
    }

    public long dropped(PppDropReason reason) {
        return dropped == null ? 0 : dropped[reason.ordinal()];
    }

    public long failures(NegotiationFailure reason) {
        return failures == null ? 0 : failures[reason.ordinal()];
    }

    private Count count(int protocol, int field) {
        int i = indexOf(protocol);
        return i < 0 ? new Count(0, 0) : new Count(counts[i * FIELDS + field], counts[i * FIELDS + field + 1]);
    }

    private Map<Integer, Count> byProtocol(int field) {
        Map<Integer, Count> m = new TreeMap<>();
        for (int i = 0; i < used; i++) {
            if (counts[i * FIELDS + field] > 0) {
                m.put(protocols[i], new Count(counts[i * FIELDS + field], counts[i * FIELDS + field + 1]));
            }
        }
        return Map.copyOf(m);
    }

    private int indexOf(int protocol) {
        for (int i = 0; i < used; i++) {
            if (protocols[i] == protocol) return i;
        }
        return -1;
    }

    /** The index of {@code protocol}, added (and the arrays grown) when first seen. */
    private int slot(int protocol) {
        int i = indexOf(protocol);
        if (i >= 0) return i;
        if (used == protocols.length) {
            protocols = Arrays.copyOf(protocols, used * 2);
            counts = Arrays.copyOf(counts, used * 2 * FIELDS);
        }
        protocols[used] = protocol;
        return used++;
    }
}
