package net.vpdn.l2tp.avp;

/** Result Code values of a StopCCN, RFC 2661 §4.4.2. */
public enum StopCcnResult {
    /** General request to clear control connection. */
    GENERAL_REQUEST_TO_CLEAR(1),
    /** General error, Error Code indicates the problem. */
    GENERAL_ERROR(2),
    /** Control channel already exists. */
    CONTROL_CHANNEL_EXISTS(3),
    /** Requester is not authorized to establish a control channel. */
    NOT_AUTHORIZED(4),
    /** The protocol version of the requester is not supported (Error Code carries the highest supported). */
    UNSUPPORTED_PROTOCOL_VERSION(5),
    /** Requester is being shut down. */
    SHUTTING_DOWN(6),
    /** Finite State Machine error. */
    FSM_ERROR(7);

    private final int code;

    StopCcnResult(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
