package net.vpdn.ppp.lcp;

import java.time.Duration;
import java.util.Objects;
import net.vpdn.ppp.wire.CpCode;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.Octets;

/**
 * LCP Echo keepalive (RFC 1661 §5.8): on each tick of a periodic timer the shell arms every
 * {@link #interval()}, send an Echo-Request; after {@code maxMisses} unanswered requests in a
 * row, give the dead-peer verdict instead. Any Echo-Reply with a recent identifier, or any
 * other frame from the peer, proves it alive. Pure: no clock, no timer of its own.
 */
public final class LcpKeepalive {

    /** What a tick asks for. */
    public sealed interface Tick permits SendEcho, DeadPeer, Idle { }

    /** Send this Echo-Request. */
    public record SendEcho(CpPacket request) implements Tick { }

    /** {@code misses} requests in a row went unanswered: tear the link down. */
    public record DeadPeer(int misses) implements Tick { }

    /** Nothing to do (keepalive stopped, or the peer spoke since the last tick). */
    public record Idle() implements Tick { }

    private final Duration interval;
    private final int maxMisses;
    private boolean running;
    private boolean heardSinceTick;
    private int misses;
    private int nextId;
    private int lastSentId = -1;

    /** {@code interval} zero turns the keepalive off (a template's {@code keepalive-interval: 0}). */
    public LcpKeepalive(Duration interval, int maxMisses) {
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || maxMisses < 1) {
            throw new IllegalArgumentException("interval " + interval + " and maxMisses " + maxMisses + " must be positive");
        }
        this.maxMisses = maxMisses;
    }

    public Duration interval() {
        return interval;
    }

    /** Whether echoes are sent at all. */
    public boolean enabled() {
        return !interval.isZero();
    }

    /** Unanswered requests so far. */
    public int misses() {
        return misses;
    }

    /** Starts at LCP This-Layer-Up. */
    public void start() {
        running = true;
        misses = 0;
        heardSinceTick = false;
    }

    /** Stops at LCP This-Layer-Down. */
    public void stop() {
        running = false;
    }

    /** The periodic timer fired. {@code magic} is our negotiated Magic-Number (0 if none). */
    public Tick onTick(long magic) {
        if (!running) {
            return new Idle();
        }
        if (heardSinceTick) {
            heardSinceTick = false;
            misses = 0;
            return new Idle();
        }
        if (lastSentId >= 0) {
            misses++;
        }
        if (misses >= maxMisses) {
            running = false;
            return new DeadPeer(misses);
        }
        lastSentId = nextId;
        nextId = (nextId + 1) & 0xFF;
        return new SendEcho(CpPacket.of(CpCode.ECHO_REQUEST, lastSentId, Octets.ofU32(magic)));
    }

    /** An Echo-Reply arrived; only one answering our latest request counts. */
    public void onEchoReply(CpPacket reply) {
        if (reply.is(CpCode.ECHO_REPLY) && reply.identifier() == lastSentId) {
            misses = 0;
            lastSentId = -1;
        }
    }

    /**
     * Any other frame from the peer arrived; a busy link needs no echo (the accel-ppp and pppd
     * "adaptive" behaviour, which keeps echo traffic off loaded links).
     */
    public void onTraffic() {
        heardSinceTick = true;
    }
}
