package net.vpdn.l2tp.tunnel;

import java.util.Objects;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.wire.ControlMessage;

/** Inputs of {@link TunnelFsm}. */
public sealed interface TunnelEvent {

    /** Local open request: send SCCRQ (initiator only), RFC 2661 §7.2. */
    record Open() implements TunnelEvent {
    }

    /**
     * A decoded, in-order, spec-validated control message of tunnel scope (SCCRQ, SCCRP, SCCCN,
     * StopCCN, HELLO). Session-scope messages go to the session FSMs once the tunnel is
     * established; before that the engine passes them here, where they are an FSM error.
     */
    record Received(ControlMessage msg) implements TunnelEvent {
        public Received {
            Objects.requireNonNull(msg, "msg");
        }
    }

    /** Local (administrative) close: StopCCN with these values. */
    record Close(StopCcnResult result, ErrorCode error, String message) implements TunnelEvent {
        public Close {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(error, "error");
            if (message == null) message = "";
        }
    }

    /** A timer armed by {@link TunnelAction.ArmTimer} expired. */
    record TimerFired(TunnelTimer timer) implements TunnelEvent {
    }

    /** The transport gave up retransmitting: go straight to CLOSED, nothing is sent. */
    record PeerUnresponsive() implements TunnelEvent {
    }

    /**
     * Anything arrived from the peer (control message, ZLB, or data message, RFC 2661 §5.5):
     * restarts the HELLO idle timer.
     */
    record ActivityReceived() implements TunnelEvent {
    }

    /**
     * The codec/spec layer found a message for this tunnel bad (e.g. an unknown mandatory AVP,
     * §4.2): close with these values. {@code offending} (nullable) lets an IDLE responder find
     * the peer's Assigned Tunnel ID to address the StopCCN to.
     */
    record InvalidMessage(StopCcnResult result, ErrorCode error, String message, ControlMessage offending)
            implements TunnelEvent {
        public InvalidMessage {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(error, "error");
            if (message == null) message = "";
        }

        public InvalidMessage(StopCcnResult result, ErrorCode error, String message) {
            this(result, error, message, null);
        }
    }

    /** Our outstanding SCCRQ lost the tie breaker (§4.4.3): discard this tunnel silently. */
    record LostTieBreak() implements TunnelEvent {
    }
}
