package net.vpdn.ppp.wire;

import java.util.Optional;

/**
 * Control-protocol packet codes, RFC 1661 §5. Codes 1–7 are shared by LCP, IPCP and IPv6CP;
 * 8–11 exist only in LCP. Packets keep the code as an int so that unknown codes can be
 * Code-Rejected (§5.6).
 */
public enum CpCode {
    /** Configure-Request, §5.1. */
    CONFIGURE_REQUEST(1),
    /** Configure-Ack, §5.2. */
    CONFIGURE_ACK(2),
    /** Configure-Nak, §5.3. */
    CONFIGURE_NAK(3),
    /** Configure-Reject, §5.4. */
    CONFIGURE_REJECT(4),
    /** Terminate-Request, §5.5. */
    TERMINATE_REQUEST(5),
    /** Terminate-Ack, §5.5. */
    TERMINATE_ACK(6),
    /** Code-Reject, §5.6. */
    CODE_REJECT(7),
    /** Protocol-Reject, §5.7 (LCP only). */
    PROTOCOL_REJECT(8),
    /** Echo-Request, §5.8 (LCP only). */
    ECHO_REQUEST(9),
    /** Echo-Reply, §5.8 (LCP only). */
    ECHO_REPLY(10),
    /** Discard-Request, §5.9 (LCP only). */
    DISCARD_REQUEST(11);

    private final int value;

    CpCode(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The known code with this value, if any. */
    public static Optional<CpCode> of(int value) {
        return value >= 1 && value <= values().length ? Optional.of(values()[value - 1]) : Optional.empty();
    }
}
