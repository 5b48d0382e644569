package net.vpdn.config;

/** PPP authentication protocols a virtual template may offer, in the order given (Cisco {@code ppp authentication}). */
public enum AuthProtocol {
    /** Password Authentication Protocol, RFC 1334. */
    PAP("pap"),
    /** Challenge Handshake Authentication Protocol with MD5, RFC 1994. */
    CHAP("chap"),
    /** Microsoft CHAP version 2, RFC 2759. */
    MSCHAPV2("mschapv2");

    private final String configName;

    AuthProtocol(String configName) {
        this.configName = configName;
    }

    /** The spelling used in the file. */
    public String configName() {
        return configName;
    }
}
