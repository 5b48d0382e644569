package net.vpdn.aaa.wire;

import java.util.Optional;

/** RADIUS packet codes used here (RFC 2865 §3, RFC 2866 §3, RFC 5176 §2.3). */
public enum RadiusCode {
    ACCESS_REQUEST(1),
    ACCESS_ACCEPT(2),
    ACCESS_REJECT(3),
    ACCOUNTING_REQUEST(4),
    ACCOUNTING_RESPONSE(5),
    ACCESS_CHALLENGE(11),
    DISCONNECT_REQUEST(40),
    DISCONNECT_ACK(41),
    DISCONNECT_NAK(42),
    COA_REQUEST(43),
    COA_ACK(44),
    COA_NAK(45);

    private final int code;

    RadiusCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The code for {@code value}, if it is one of these. */
    public static Optional<RadiusCode> of(int value) {
        for (RadiusCode c : values()) {
            if (c.code == value) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code reply} is a legal answer to a request with this code. */
    public boolean isAnsweredBy(RadiusCode reply) {
        return switch (this) {
            case ACCESS_REQUEST -> reply == ACCESS_ACCEPT || reply == ACCESS_REJECT || reply == ACCESS_CHALLENGE;
            case ACCOUNTING_REQUEST -> reply == ACCOUNTING_RESPONSE;
            case DISCONNECT_REQUEST -> reply == DISCONNECT_ACK || reply == DISCONNECT_NAK;
            case COA_REQUEST -> reply == COA_ACK || reply == COA_NAK;
            default -> false;
        };
    }
}
