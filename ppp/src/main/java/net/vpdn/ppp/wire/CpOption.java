package net.vpdn.ppp.wire;

import java.util.Objects;

/**
 * One Configuration Option in type-length-value form (RFC 1661 §6). Protocol packages give
 * these typed views (for instance {@code net.vpdn.ppp.lcp.LcpOption}).
 *
 * @param type the Type field
 * @param value the Data field (Length minus 2 octets)
 */
public record CpOption(int type, Octets value) {
    /** Type and Length octets. */
    public static final int HEADER_LENGTH = 2;

    public CpOption {
        if (type < 0 || type > 0xFF) {
            throw new IllegalArgumentException("option type " + type + " out of 0..255");
        }
        Objects.requireNonNull(value, "value");
        if (value.length() > 0xFF - HEADER_LENGTH) {
            throw new IllegalArgumentException("option value of " + value.length() + " octets does not fit Length");
        }
    }

    /** The Length field value. */
    public int length() {
        return HEADER_LENGTH + value.length();
    }
}
