package net.vpdn.ppp.stats;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import net.vpdn.ppp.wire.PppDropReason;

/**
 * Per-endpoint counters: frames and octets in and out by PPP protocol number, frames dropped
 * by decode reason, and negotiation failures by reason. Plain fields on the endpoint's event
 * loop; the metrics module reads snapshots.
 */
public final class PppStats {
    /** Frames and octets for one protocol and direction. */
    public record Count(long frames, long octets) {
        Count plus(int length) {
            return new Count(frames + 1, octets + length);
        }
    }

    private final Map<Integer, Count> in = new TreeMap<>();
    private final Map<Integer, Count> out = new TreeMap<>();
    private final Map<PppDropReason, Long> dropped = new EnumMap<>(PppDropReason.class);
    private final Map<NegotiationFailure, Long> failures = new EnumMap<>(NegotiationFailure.class);

    /** A frame of {@code protocol} and {@code octets} length arrived. */
    public void received(int protocol, int octets) {
        in.merge(protocol, new Count(1, octets), (a, b) -> a.plus(octets));
    }

    /** A frame of {@code protocol} and {@code octets} length was sent. */
    public void sent(int protocol, int octets) {
        out.merge(protocol, new Count(1, octets), (a, b) -> a.plus(octets));
    }

    /** A frame was dropped by the decoder. */
    public void drop(PppDropReason reason) {
        dropped.merge(reason, 1L, Long::sum);
    }

    /** A negotiation failed. */
    public void fail(NegotiationFailure reason) {
        failures.merge(reason, 1L, Long::sum);
    }

    /** Received counts by protocol number (a copy). */
    public Map<Integer, Count> in() {
        return Map.copyOf(in);
    }

    /** Sent counts by protocol number (a copy). */
    public Map<Integer, Count> out() {
        return Map.copyOf(out);
    }

    /** Received count for one protocol. */
    public Count in(int protocol) {
        return in.getOrDefault(protocol, new Count(0, 0));
    }

    /** Sent count for one protocol. */
    public Count out(int protocol) {
        return out.getOrDefault(protocol, new Count(0, 0));
    }

    public long dropped(PppDropReason reason) {
        return dropped.getOrDefault(reason, 0L);
    }

    public long failures(NegotiationFailure reason) {
        return failures.getOrDefault(reason, 0L);
    }
}
