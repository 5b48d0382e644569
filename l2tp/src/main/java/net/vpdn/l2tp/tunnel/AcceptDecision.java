package net.vpdn.l2tp.tunnel;

import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.StopCcnResult;

/** A responder's verdict on a peer's SCCRQ, from {@link TunnelAcceptor}. */
public sealed interface AcceptDecision {

    /**
     * Accept the tunnel. {@code secretOrNull} is this peer's secret; when {@code null} the
     * {@link TunnelParams#secret()} applies (and when that is null too, no tunnel authentication).
     */
    record Accept(net.vpdn.l2tp.TunnelSecret secretOrNull) implements AcceptDecision {
        @Override
        public String toString() {
            return "Accept[secret=" + (secretOrNull == null ? "<default>" : "<redacted>") + "]";
        }
    }

    /**
     * Refuse the tunnel with a StopCCN carrying {@code result} (e.g. NOT_AUTHORIZED) and {@code error}
     * (e.g. INSUFFICIENT_RESOURCES with result GENERAL_ERROR, RFC 2661 §4.4.2).
     */
    record Reject(StopCcnResult result, ErrorCode error, String message) implements AcceptDecision {
        public Reject {
            if (error == null) error = ErrorCode.NO_GENERAL_ERROR;
            if (message == null) message = "";
        }

        /** A refusal without a general error code. */
        public Reject(StopCcnResult result, String message) {
            this(result, ErrorCode.NO_GENERAL_ERROR, message);
        }
    }

    /** Accept with the given secret (or the default one when {@code null}). */
    static AcceptDecision accept(TunnelSecret secretOrNull) {
        return new Accept(secretOrNull);
    }
}
