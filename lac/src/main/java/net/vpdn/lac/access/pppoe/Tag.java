package net.vpdn.lac.access.pppoe;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** One PPPoE discovery tag (RFC 2516 Appendix A): type and value, immutable. */
public final class Tag {
    private final int type;
    private final byte[] value;

    public Tag(int type, byte[] value) {
        if (type < 0 || type > 0xFFFF) throw new IllegalArgumentException("tag type " + type);
        if (value.length > 0xFFFF) throw new IllegalArgumentException("tag value of " + value.length + " octets");
        this.type = type;
        this.value = value.clone();
    }

    public static Tag text(int type, String value) {
        return new Tag(type, value.getBytes(StandardCharsets.UTF_8));
    }

    public int type() {
        return type;
    }

    public byte[] value() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Constant-time comparison of the value (for cookies). */
    public boolean valueEquals(byte[] other) {
        return java.security.MessageDigest.isEqual(value, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tag t && t.type == type && Arrays.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    /** Never prints an AC-Cookie's value. */
    @Override
    public String toString() {
        String v = type == Pppoe.TAG_AC_COOKIE ? "<" + value.length + " octets>" : HexFormat.of().formatHex(value);
        return "Tag[0x" + Integer.toHexString(type) + "=" + v + "]";
    }
}
