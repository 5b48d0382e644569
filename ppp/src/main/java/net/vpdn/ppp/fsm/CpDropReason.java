package net.vpdn.ppp.fsm;

/**
 * Why a well-formed control packet was discarded by the engine, a negotiation-failure label
 * for statistics. RFC 1661 §5 says such packets are silently discarded; we count them.
 */
public enum CpDropReason {
    /** The option list of a configure packet did not parse. */
    MALFORMED_OPTIONS,
    /** Configure-Ack/Nak/Reject whose Identifier is not that of our last Configure-Request (§5.2–5.4). */
    REPLY_ID_MISMATCH,
    /** Configure-Ack whose options differ from our last Configure-Request (§5.2). */
    ACK_CONTENT_MISMATCH,
    /** Configure-Nak or Configure-Reject the layer found invalid (e.g. rejecting an option we never sent, §5.4). */
    INVALID_NAK_OR_REJECT,
    /** Code-Reject too short to name the rejected code. */
    MALFORMED_CODE_REJECT
}
