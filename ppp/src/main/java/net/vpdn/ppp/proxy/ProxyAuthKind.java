package net.vpdn.ppp.proxy;

import java.util.Optional;

/**
 * Proxy Authen Type values, RFC 2661 §4.4.5 (AVP 29). RFC 2661 names no MS-CHAPv2 value;
 * MS-CHAPv2 proxying is vendor-specific and not offered here.
 */
public enum ProxyAuthKind {
    /** 1: textual username/password exchange. */
    TEXTUAL(1),
    /** 2: PPP CHAP. */
    CHAP(2),
    /** 3: PPP PAP. */
    PAP(3),
    /** 4: no authentication. */
    NONE(4),
    /** 5: Microsoft CHAP version 1. */
    MSCHAP_V1(5);

    private final int value;

    ProxyAuthKind(int value) {
        this.value = value;
    }

    /** The AVP value. */
    public int value() {
        return value;
    }

    /** The kind for an AVP value, if known. */
    public static Optional<ProxyAuthKind> of(int value) {
        for (ProxyAuthKind k : values()) {
            if (k.value == value) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
