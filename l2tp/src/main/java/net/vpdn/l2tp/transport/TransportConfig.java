package net.vpdn.l2tp.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one control connection's reliable delivery, RFC 2661 §5.8.
 *
 * @param receiveWindow     how many messages the peer may have outstanding towards us; what we
 *                          advertise in the Receive Window Size AVP and how many out-of-order
 *                          messages we hold. 1..{@link #MAX_WINDOW}
 * @param initialPeerWindow the peer's window until its Receive Window Size AVP arrives; §5.8
 *                          says a peer that sends none has a window of 4
 * @param retransmit        retransmission backoff and retry limit
 * @param ackDelay          how long an acknowledgement waits for an outgoing message to ride on
 *                          before a ZLB is sent; positive and shorter than the first
 *                          retransmission timeout, or the peer would retransmit needlessly
 * @param maxQueued         how many non-urgent messages may wait for window space; a bound so a
 *                          peer that never acknowledges cannot make us queue without limit
 */
public record TransportConfig(int receiveWindow, int initialPeerWindow, RetransmitPolicy retransmit,
                              Duration ackDelay, int maxQueued) {

    /**
     * Largest usable window: with more than 32767 messages outstanding, Ns values could no
     * longer be ordered (RFC 2661 §5.8 compares within 32767).
     */
    public static final int MAX_WINDOW = Seq.HALF;

    /** §5.8: without a Receive Window Size AVP, the peer's window is 4. */
    public static final int RFC_DEFAULT_PEER_WINDOW = 4;

    /**
     * Our advertised window by default. A carrier LNS receives bursts of call set-up messages
     * (ICRQ/ICCN for many subscribers after a LAC restart) on one tunnel; 4 would serialise them
     * behind one round trip per four calls. 16 lets a burst proceed while holding at most 15
     * out-of-order messages per tunnel, a negligible amount of memory even at 10k tunnels.
     */
    public static final int DEFAULT_RECEIVE_WINDOW = 16;

    /** A short ZLB delay: long enough to piggyback on an immediate reply, far below 1 s. */
    public static final Duration DEFAULT_ACK_DELAY = Duration.ofMillis(100);

    /** Default bound on queued non-urgent messages per control connection. */
    public static final int DEFAULT_MAX_QUEUED = 1024;

    /** The defaults described on each constant, with the §5.8-recommended retransmit policy. */
    public static final TransportConfig DEFAULT = new TransportConfig(DEFAULT_RECEIVE_WINDOW,
            RFC_DEFAULT_PEER_WINDOW, RetransmitPolicy.RFC_DEFAULT, DEFAULT_ACK_DELAY, DEFAULT_MAX_QUEUED);

    /** Validates the settings; throws {@link IllegalArgumentException} naming the bad field. */
    public TransportConfig {
        Objects.requireNonNull(retransmit, "retransmit");
        Objects.requireNonNull(ackDelay, "ackDelay");
        checkWindow("receiveWindow", receiveWindow);
        checkWindow("initialPeerWindow", initialPeerWindow);
        if (ackDelay.isNegative() || ackDelay.isZero() || ackDelay.compareTo(retransmit.initial()) >= 0) {
            throw new IllegalArgumentException("ackDelay " + ackDelay
                    + " must be positive and shorter than the initial retransmit timeout " + retransmit.initial());
        }
        if (maxQueued < 1) {
            throw new IllegalArgumentException("maxQueued must be at least 1: " + maxQueued);
        }
    }

    private static void checkWindow(String name, int value) {
        if (value < 1 || value > MAX_WINDOW) {
            throw new IllegalArgumentException(name + " must be in 1.." + MAX_WINDOW + ": " + value);
        }
    }

    /** A copy with another retransmit policy. */
    public TransportConfig withRetransmit(RetransmitPolicy policy) {
        return new TransportConfig(receiveWindow, initialPeerWindow, policy, ackDelay, maxQueued);
    }

    /** A copy with another advertised receive window. */
    public TransportConfig withReceiveWindow(int window) {
        return new TransportConfig(window, initialPeerWindow, retransmit, ackDelay, maxQueued);
    }

    /** A copy with another queue bound. */
    public TransportConfig withMaxQueued(int bound) {
        return new TransportConfig(receiveWindow, initialPeerWindow, retransmit, ackDelay, bound);
    }
}
