package net.vpdn.ppp.wire;

import java.util.Objects;

/**
 * One LCP/IPCP/IPv6CP/PAP/CHAP packet (RFC 1661 §5): Code, Identifier and the data that the
 * Length field covers. Octets beyond Length were padding and are not kept.
 *
 * @param code the Code field (see {@link CpCode}; PAP and CHAP have their own codes)
 * @param identifier the Identifier field, 0–255
 * @param data the data after the 4-octet header
 */
public record CpPacket(int code, int identifier, Octets data) {
    /** The 4-octet Code, Identifier, Length header. */
    public static final int HEADER_LENGTH = 4;

    public CpPacket {
        if (code < 0 || code > 0xFF || identifier < 0 || identifier > 0xFF) {
            throw new IllegalArgumentException("code " + code + " or identifier " + identifier + " out of 0..255");
        }
        Objects.requireNonNull(data, "data");
        if (data.length() > 0xFFFF - HEADER_LENGTH) {
            throw new IllegalArgumentException("data of " + data.length() + " octets does not fit the Length field");
        }
    }

    /** A packet with a known code. */
    public static CpPacket of(CpCode code, int identifier, Octets data) {
        return new CpPacket(code.value(), identifier, data);
    }

    /** The Length field value. */
    public int length() {
        return HEADER_LENGTH + data.length();
    }

    /** True when the code is {@code c}. */
    public boolean is(CpCode c) {
        return code == c.value();
    }
}
