package net.vpdn.l2tp.session;

import java.util.Objects;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.wire.ControlMessage;

/** Inputs of {@link SessionFsm}. */
public sealed interface SessionEvent {

    /**
     * Local open (LAC incoming: a call arrived; LNS outgoing: place a call). {@code request} goes
     * into the ICRQ/OCRQ; {@code connect} into the ICCN (LAC incoming; ignored otherwise, may be
     * null). The engine then feeds {@link TunnelUp} once the tunnel is (or already was) established.
     */
    record Open(CallParams request, CallParams connect) implements SessionEvent {
        public Open {
            Objects.requireNonNull(request, "request");
            if (connect == null) connect = CallParams.EMPTY;
        }
    }

    /** The tunnel is established (§7.2 "tunnel-open event to waiting sessions"). */
    record TunnelUp() implements SessionEvent {
    }

    /** The tunnel is closing or gone: the session is cleared without a CDN (§6.4). */
    record TunnelDown() implements SessionEvent {
    }

    /** A decoded, in-order, spec-validated session-scope message for this session. */
    record Received(ControlMessage msg) implements SessionEvent {
        public Received {
            Objects.requireNonNull(msg, "msg");
        }
    }

    /** The owner admits the ICRQ/OCRQ reported by IncomingCall; {@code reply} goes into the ICRP/OCRP. */
    record Answer(CallParams reply) implements SessionEvent {
        public Answer {
            if (reply == null) reply = CallParams.EMPTY;
        }

        public Answer() {
            this(CallParams.EMPTY);
        }
    }

    /** The owner refuses the ICRQ/OCRQ: CDN with these values. */
    record Reject(CdnResult result, ErrorCode error, String message) implements SessionEvent {
        public Reject {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(error, "error");
            if (message == null) message = "";
        }
    }

    /** LAC outgoing: the bearer call was answered and framing detected; {@code occn} goes into the OCCN. */
    record BearerAnswered(CallParams occn) implements SessionEvent {
        public BearerAnswered {
            Objects.requireNonNull(occn, "occn");
        }
    }

    /** Local close request or bearer line drop: CDN with these values. */
    record Close(CdnResult result, ErrorCode error, String message) implements SessionEvent {
        public Close {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(error, "error");
            if (message == null) message = "";
        }
    }

    /**
     * The codec/spec layer found a message for this session bad (§4.2 unknown mandatory AVP, a
     * missing AVP): close with a CDN. {@code offending} (nullable) supplies the peer's Assigned
     * Session ID when this session does not know it yet.
     */
    record InvalidMessage(CdnResult result, ErrorCode error, String message, ControlMessage offending)
            implements SessionEvent {
        public InvalidMessage {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(error, "error");
            if (message == null) message = "";
        }

        public InvalidMessage(CdnResult result, ErrorCode error, String message) {
            this(result, error, message, null);
        }
    }
}
