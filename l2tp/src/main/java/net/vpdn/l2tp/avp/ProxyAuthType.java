package net.vpdn.l2tp.avp;

import java.util.Optional;

/** Proxy Authen Type values, RFC 2661 §4.4.5 (5 from RFC 2661's IANA registry: Microsoft CHAP v1). */
public enum ProxyAuthType {
    TEXTUAL_USERNAME_PASSWORD(1),
    PPP_CHAP(2),
    PPP_PAP(3),
    NO_AUTHENTICATION(4),
    MSCHAP_V1(5);

    private final int code;

    ProxyAuthType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<ProxyAuthType> fromCode(int code) {
        for (ProxyAuthType t : values()) {
            if (t.code == code) return Optional.of(t);
        }
        return Optional.empty();
    }
}
