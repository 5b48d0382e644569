package net.vpdn.l2tp.wire;

import java.util.Optional;

/**
 * Control message types, RFC 2661 §3.2 (the value of the Message Type AVP).
 * Codes 5 and 13 are reserved; a ZLB carries no Message Type at all and is not listed.
 */
public enum MessageType {
    /** Start-Control-Connection-Request, RFC 2661 §6.1. */
    SCCRQ(1, Scope.TUNNEL),
    /** Start-Control-Connection-Reply, RFC 2661 §6.2. */
    SCCRP(2, Scope.TUNNEL),
    /** Start-Control-Connection-Connected, RFC 2661 §6.3. */
    SCCCN(3, Scope.TUNNEL),
    /** Stop-Control-Connection-Notification, RFC 2661 §6.4. */
    STOPCCN(4, Scope.TUNNEL),
    /** Hello, RFC 2661 §6.5. */
    HELLO(6, Scope.TUNNEL),
    /** Outgoing-Call-Request, RFC 2661 §6.6. */
    OCRQ(7, Scope.SESSION),
    /** Outgoing-Call-Reply, RFC 2661 §6.7. */
    OCRP(8, Scope.SESSION),
    /** Outgoing-Call-Connected, RFC 2661 §6.8. */
    OCCN(9, Scope.SESSION),
    /** Incoming-Call-Request, RFC 2661 §6.9. */
    ICRQ(10, Scope.SESSION),
    /** Incoming-Call-Reply, RFC 2661 §6.10. */
    ICRP(11, Scope.SESSION),
    /** Incoming-Call-Connected, RFC 2661 §6.11. */
    ICCN(12, Scope.SESSION),
    /** Call-Disconnect-Notify, RFC 2661 §6.12. */
    CDN(14, Scope.SESSION),
    /** WAN-Error-Notify, RFC 2661 §6.13. */
    WEN(15, Scope.SESSION),
    /** Set-Link-Info, RFC 2661 §6.14. */
    SLI(16, Scope.SESSION);

    /** Whether a message manages the control connection or one call. */
    public enum Scope { TUNNEL, SESSION }

    private static final MessageType[] BY_CODE = new MessageType[17];

    static {
        for (MessageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final Scope scope;

    MessageType(int code, Scope scope) {
        this.code = code;
        this.scope = scope;
    }

    /** The 16-bit value carried in the Message Type AVP. */
    public int code() {
        return code;
    }

    public Scope scope() {
        return scope;
    }

    /** The type for a wire code, or empty for reserved and unknown codes. */
    public static Optional<MessageType> fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }
}
