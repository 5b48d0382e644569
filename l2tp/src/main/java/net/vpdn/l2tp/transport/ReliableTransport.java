package net.vpdn.l2tp.transport;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.vpdn.l2tp.transport.TransportAction.ArmTimer;
import net.vpdn.l2tp.transport.TransportAction.CancelTimer;
import net.vpdn.l2tp.transport.TransportAction.Deliver;
import net.vpdn.l2tp.transport.TransportAction.PeerUnresponsive;
import net.vpdn.l2tp.transport.TransportAction.RejectReason;
import net.vpdn.l2tp.transport.TransportAction.Rejected;
import net.vpdn.l2tp.transport.TransportAction.Transmit;

/**
 * Reliable delivery of control messages on one control connection, RFC 2661 §5.8 and
 * Appendix A, as a pure state machine: every input returns the {@link TransportAction}s to
 * perform, in order. No clock, thread or I/O; time comes in as {@code nowNanos} and timer
 * events. Not thread-safe: drive each instance from one event loop.
 *
 * <p>Sending: messages wait in a queue until the effective window (min of the Appendix A
 * congestion window and the peer's receive window) has room, then take the next Ns. Urgent
 * messages (StopCCN, Hello) go ahead of queued non-urgent ones, so a burst of call messages
 * cannot starve them. The oldest unacknowledged message is retransmitted on timeout with the
 * {@link RetransmitPolicy} backoff; after {@code maxRetries} the transport fails once with
 * {@link PeerUnresponsive}.
 *
 * <p>Receiving: Nr acknowledges everything before it. The message with the expected Ns is
 * delivered with any held successors; early ones within our window are held; duplicates are
 * dropped and re-acknowledged at once (§5.8: a duplicate MUST still be acknowledged, or the
 * peer retransmits until it gives up); beyond the window is dropped. Acknowledgements ride on
 * outgoing messages when one leaves within {@link TransportConfig#ackDelay()}, otherwise a ZLB
 * is sent. A ZLB carries the next unused Ns and consumes none.
 *
 * <p>An Nr acknowledging an Ns we never sent is ignored (counted as {@code bogusAcks}); the
 * Ns of the same packet is still processed. Accepting it would free window slots for messages
 * the peer never received; tearing down would let one corrupt packet kill the tunnel.
 *
 * @param <M> the message payload; the transport never looks inside it
 */
public final class ReliableTransport<M> {

    private static final class Outstanding<M> {
        final int ns;
        final M message;
        int retries;

        Outstanding(int ns, M message) {
            this.ns = ns;
            this.message = message;
        }
    }

    private final TransportConfig config;
    private final RetransmitPolicy policy;
    private final ReceiveWindow<M> rx;
    private final CongestionWindow cc;
    private final ArrayDeque<Outstanding<M>> unacked = new ArrayDeque<>();
    private final ArrayDeque<M> urgentQueue = new ArrayDeque<>();
    private final ArrayDeque<M> normalQueue = new ArrayDeque<>();
    private int nextNs;
    private int lastNrSent;
    private boolean retransmitArmed;
    private boolean ackArmed;
    private boolean failed;
    private long lastReceiveNanos = Long.MIN_VALUE;
    private long lastTransmitNanos = Long.MIN_VALUE;
    private long sent, retransmissions, zlbsSent, delivered, duplicates, held, outOfWindow, bogusAcks,
            rejected;

    /** A transport whose first Ns and first expected Ns are 0, as on a new tunnel (§5.8). */
    public ReliableTransport(TransportConfig config) {
        this(config, 0, 0);
    }

    /**
     * A transport starting at the given sequence numbers (tests of wrap-around, or resuming).
     *
     * @param initialNs the Ns of the first message we send
     * @param initialNr the Ns we expect first from the peer
     */
    public ReliableTransport(TransportConfig config, int initialNs, int initialNr) {
        this.config = Objects.requireNonNull(config, "config");
        checkSeq("initialNs", initialNs);
        checkSeq("initialNr", initialNr);
        this.policy = config.retransmit();
        this.rx = new ReceiveWindow<>(config.receiveWindow(), initialNr);
        this.cc = new CongestionWindow(config.initialPeerWindow());
        this.nextNs = initialNs;
        this.lastNrSent = initialNr;
    }

    /**
     * Queues {@code message} for reliable delivery and sends what the window allows.
     *
     * @param urgent true for StopCCN and Hello: ahead of every queued non-urgent message
     */
    public List<TransportAction<M>> submit(M message, boolean urgent, long nowNanos) {
        Objects.requireNonNull(message, "message");
        if (failed) {
            return reject(message, RejectReason.FAILED);
        }
        ArrayDeque<M> queue = urgent ? urgentQueue : normalQueue;
        if (queue.size() >= config.maxQueued()) {
            return reject(message, RejectReason.QUEUE_FULL);
        }
        queue.addLast(message);
        List<TransportAction<M>> out = new ArrayList<>();
        flush(out, nowNanos);
        return out;
    }

    /**
     * Processes one received control packet: its Nr first (acknowledgements, window, congestion
     * window), then its Ns.
     *
     * @param message the body, or {@code null} for a ZLB, whose Ns is not checked
     */
    public List<TransportAction<M>> onReceive(int ns, int nr, M message, long nowNanos) {
        checkSeq("ns", ns);
        checkSeq("nr", nr);
        if (failed) {
            return List.of();
        }
        lastReceiveNanos = nowNanos;
        List<TransportAction<M>> out = new ArrayList<>();
        processNr(nr, out);
        boolean duplicate = message != null && processNs(ns, message, out);
        flush(out, nowNanos);
        acknowledge(out, duplicate, nowNanos);
        return out;
    }

    /** Handles a timer the shell armed on our behalf. Firings of a timer not armed are ignored. */
    public List<TransportAction<M>> onTimer(TransportTimer timer, long nowNanos) {
        Objects.requireNonNull(timer, "timer");
        if (failed) {
            return List.of();
        }
        List<TransportAction<M>> out = new ArrayList<>();
        switch (timer) {
            case RETRANSMIT -> retransmitTimeout(out, nowNanos);
            case ACK_DELAY -> ackTimeout(out, nowNanos);
        }
        return out;
    }

    /**
     * Applies the peer's Receive Window Size AVP (RFC 2661 §4.4.3, §5.8) and sends what the new
     * window allows. Values above {@link TransportConfig#MAX_WINDOW} are clamped to it. The value
     * 0 is invalid on the wire and must be rejected by message validation before reaching here.
     *
     * @throws IllegalArgumentException if {@code window} is not in 1..65535
     */
    public List<TransportAction<M>> setPeerReceiveWindow(int window, long nowNanos) {
        if (window < 1 || window > Seq.MODULUS - 1) {
            throw new IllegalArgumentException("peer receive window must be in 1..65535: " + window);
        }
        cc.setPeerWindow(Math.min(window, TransportConfig.MAX_WINDOW));
        if (failed) {
            return List.of();
        }
        List<TransportAction<M>> out = new ArrayList<>();
        flush(out, nowNanos);
        return out;
    }

    private List<TransportAction<M>> reject(M message, RejectReason reason) {
        rejected++;
        return List.of(new Rejected<>(message, reason));
    }

    private void processNr(int nr, List<TransportAction<M>> out) {
        int oldest = unacked.isEmpty() ? nextNs : unacked.peekFirst().ns;
        int acked = Seq.distance(oldest, nr);
        if (acked == 0) {
            return;
        }
        if (acked > unacked.size()) {
            if (Seq.lessThan(nextNs, nr)) {
                bogusAcks++;
            }
            return;
        }
        for (int i = 0; i < acked; i++) {
            unacked.pollFirst();
            cc.onAck();
        }
        if (unacked.isEmpty()) {
            cancel(out, TransportTimer.RETRANSMIT);
        } else {
            armRetransmit(out, policy.timeoutFor(unacked.peekFirst().retries));
        }
    }

    /** Returns whether the message was a duplicate that must be re-acknowledged now. */
    private boolean processNs(int ns, M message, List<TransportAction<M>> out) {
        List<M> deliverable = new ArrayList<>();
        switch (rx.accept(ns, message, deliverable)) {
            case IN_ORDER -> {
                for (M m : deliverable) {
                    out.add(new Deliver<>(m));
                }
                delivered += deliverable.size();
            }
            case DUPLICATE -> {
                duplicates++;
                return true;
            }
            case HELD -> held++;
            case OUT_OF_WINDOW -> outOfWindow++;
        }
        return false;
    }

    private void acknowledge(List<TransportAction<M>> out, boolean immediately, long nowNanos) {
        boolean transmitted = out.stream().anyMatch(a -> a instanceof Transmit<M>);
        if (transmitted) {
            return;
        }
        if (immediately) {
            sendZlb(out, nowNanos);
        } else if (lastNrSent != rx.expected() && !ackArmed) {
            ackArmed = true;
            out.add(new ArmTimer<>(TransportTimer.ACK_DELAY, config.ackDelay()));
        }
    }

    private void flush(List<TransportAction<M>> out, long nowNanos) {
        while (unacked.size() < cc.effective()) {
            M next = urgentQueue.isEmpty() ? normalQueue.pollFirst() : urgentQueue.pollFirst();
            if (next == null) {
                return;
            }
            Outstanding<M> o = new Outstanding<>(nextNs, next);
            nextNs = Seq.next(nextNs);
            unacked.addLast(o);
            sent++;
            transmit(out, o.ns, next, false, nowNanos);
            if (!retransmitArmed) {
                armRetransmit(out, policy.timeoutFor(0));
            }
        }
    }

    private void retransmitTimeout(List<TransportAction<M>> out, long nowNanos) {
        if (!retransmitArmed) {
            return;
        }
        retransmitArmed = false;
        Outstanding<M> oldest = unacked.peekFirst();
        if (oldest == null) {
            return;
        }
        if (oldest.retries >= policy.maxRetries()) {
            failed = true;
            cancel(out, TransportTimer.ACK_DELAY);
            out.add(new PeerUnresponsive<>(oldest.retries));
            return;
        }
        oldest.retries++;
        retransmissions++;
        cc.onTimeout();
        transmit(out, oldest.ns, oldest.message, true, nowNanos);
        armRetransmit(out, policy.timeoutFor(oldest.retries));
    }

    private void ackTimeout(List<TransportAction<M>> out, long nowNanos) {
        if (!ackArmed) {
            return;
        }
        ackArmed = false;
        if (lastNrSent != rx.expected()) {
            sendZlb(out, nowNanos);
        }
    }

    private void sendZlb(List<TransportAction<M>> out, long nowNanos) {
        zlbsSent++;
        transmit(out, nextNs, null, false, nowNanos);
    }

    /** Every transmission carries the current Nr (§5.8), so it cancels a pending delayed ack. */
    private void transmit(List<TransportAction<M>> out, int ns, M message, boolean again, long nowNanos) {
        out.add(new Transmit<>(ns, rx.expected(), message, again));
        lastNrSent = rx.expected();
        lastTransmitNanos = nowNanos;
        cancel(out, TransportTimer.ACK_DELAY);
    }

    private void armRetransmit(List<TransportAction<M>> out, Duration after) {
        retransmitArmed = true;
        out.add(new ArmTimer<>(TransportTimer.RETRANSMIT, after));
    }

    private void cancel(List<TransportAction<M>> out, TransportTimer timer) {
        boolean armed = timer == TransportTimer.RETRANSMIT ? retransmitArmed : ackArmed;
        if (armed) {
            if (timer == TransportTimer.RETRANSMIT) {
                retransmitArmed = false;
            } else {
                ackArmed = false;
            }
            out.add(new CancelTimer<>(timer));
        }
    }

    private static void checkSeq(String name, int value) {
        if (!Seq.isValid(value)) {
            throw new IllegalArgumentException(name + " is not a 16-bit sequence number: " + value);
        }
    }

    // --- observation, for the tunnel (Hello, StopCCN hold) and for metrics ---------------------

    /** Nothing unacknowledged and nothing queued. */
    public boolean isIdle() {
        return unacked.isEmpty() && urgentQueue.isEmpty() && normalQueue.isEmpty();
    }

    /** Whether {@link PeerUnresponsive} was emitted; all later input is ignored. */
    public boolean isFailed() {
        return failed;
    }

    /** Whether a received message is not yet acknowledged by anything we sent. */
    public boolean isAckPending() {
        return lastNrSent != rx.expected();
    }

    /** The Ns the next new message will take (and the Ns a ZLB carries). */
    public int nextNs() {
        return nextNs;
    }

    /** The next Ns expected from the peer: the Nr we send. */
    public int nextExpectedNs() {
        return rx.expected();
    }

    /** Messages sent and not yet acknowledged. */
    public int unackedCount() {
        return unacked.size();
    }

    /** Messages waiting for window space, urgent and not. */
    public int queuedCount() {
        return urgentQueue.size() + normalQueue.size();
    }

    /** Out-of-order messages held until the gap before them fills. */
    public int heldCount() {
        return rx.heldCount();
    }

    /** The Appendix A congestion window. */
    public int congestionWindow() {
        return cc.cwnd();
    }

    /** The Appendix A slow-start threshold. */
    public int slowStartThreshold() {
        return cc.ssthresh();
    }

    /** The peer's receive window in use (4 until its Receive Window Size AVP arrives). */
    public int peerReceiveWindow() {
        return cc.peerWindow();
    }

    /** How many messages may be outstanding now: min(congestion window, peer receive window). */
    public int effectiveWindow() {
        return cc.effective();
    }

    /** {@code nowNanos} of the last packet received from the peer, or {@link Long#MIN_VALUE}. */
    public long lastReceiveNanos() {
        return lastReceiveNanos;
    }

    /** {@code nowNanos} of the last packet we transmitted, or {@link Long#MIN_VALUE}. */
    public long lastTransmitNanos() {
        return lastTransmitNanos;
    }

    /** A snapshot of the counters. */
    public TransportCounters counters() {
        return new TransportCounters(sent, retransmissions, zlbsSent, delivered, duplicates, held,
                outOfWindow, bogusAcks, rejected);
    }
}
