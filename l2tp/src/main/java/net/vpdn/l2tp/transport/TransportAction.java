package net.vpdn.l2tp.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link ReliableTransport} asks its shell to do, in order. Pure data: the shell performs
 * them on the control connection's event loop.
 *
 * @param <M> the message payload type
 */
public sealed interface TransportAction<M> {

    /**
     * Send one control packet with these header sequence numbers (RFC 2661 §5.8).
     *
     * @param ns             the packet's Ns
     * @param nr             the packet's Nr: the next Ns we expect, acknowledging all before it
     * @param message        the body, or {@code null} for a ZLB acknowledgement
     * @param retransmission whether this resends a message already sent once
     */
    record Transmit<M>(int ns, int nr, M message, boolean retransmission) implements TransportAction<M> {
        /** Whether this is a zero-length-body acknowledgement. */
        public boolean isZlb() {
            return message == null;
        }
    }

    /** Hand a message, in sequence and exactly once, to the tunnel or session layer. */
    record Deliver<M>(M message) implements TransportAction<M> {
        public Deliver {
            Objects.requireNonNull(message, "message");
        }
    }

    /** (Re)arm {@code timer} to fire {@code after} from now, replacing any earlier arming. */
    record ArmTimer<M>(TransportTimer timer, Duration after) implements TransportAction<M> {
    }

    /** Stop {@code timer} if it is armed. */
    record CancelTimer<M>(TransportTimer timer) implements TransportAction<M> {
    }

    /**
     * A message went unacknowledged through all {@code retries} retransmissions: RFC 2661 §5.8
     * says the tunnel and all its sessions MUST be cleared. Emitted once; the transport is
     * failed afterwards and ignores further input.
     */
    record PeerUnresponsive<M>(int retries) implements TransportAction<M> {
    }

    /** A submitted message was not accepted and will never be sent. */
    record Rejected<M>(M message, RejectReason reason) implements TransportAction<M> {
    }

    /** Why a submission was refused. */
    enum RejectReason {
        /** {@link TransportConfig#maxQueued()} non-urgent messages are already waiting. */
        QUEUE_FULL,
        /** The transport already declared the peer unresponsive. */
        FAILED
    }
}
