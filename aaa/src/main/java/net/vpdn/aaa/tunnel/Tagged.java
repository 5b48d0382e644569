package net.vpdn.aaa.tunnel;

import java.nio.charset.StandardCharsets;
import net.vpdn.ppp.wire.Octets;

/**
 * Tag handling for RFC 2868 §3 attributes. A tag groups the attributes of one tunnel;
 * 0x01-0x1F are tags, 0 means "no tag".
 */
public final class Tagged {
    /** Highest valid tag, RFC 2868 §3.1. */
    public static final int MAX_TAG = 0x1F;

    private Tagged() {
    }

    /** A tag and the value after it. */
    public record Value(int tag, Octets value) { }

    /**
     * A string attribute whose tag is optional (Tunnel-Client-Endpoint, -Server-Endpoint,
     * -Private-Group-ID, -Assignment-ID, -Client-Auth-ID, -Server-Auth-ID): RFC 2868 §3.3 says a
     * first octet above 0x1F is the first octet of the string, not a tag. A first octet of 0
     * is an explicit "no tag" and is not part of the string.
     */
    public static Value optionalTagString(Octets raw) {
        if (raw.isEmpty()) {
            return new Value(0, raw);
        }
        int first = raw.u8(0);
        if (first > MAX_TAG) {
            return new Value(0, raw);
        }
        return new Value(first, raw.slice(1, raw.length() - 1));
    }

    /**
     * An integer attribute with a tag octet always present (Tunnel-Type, Tunnel-Medium-Type,
     * Tunnel-Preference, RFC 2868 §3.1, §3.2, §3.8): one tag octet then a 3-octet value. Returns
     * -1 as value when the attribute is not 4 octets long.
     */
    public static Value integer(Octets raw) {
        if (raw.length() != 4) {
            return new Value(raw.isEmpty() ? 0 : raw.u8(0), Octets.EMPTY);
        }
        int tag = raw.u8(0);
        return new Value(tag > MAX_TAG ? 0 : tag, raw.slice(1, 3));
    }

    /** The 3-octet value of {@link #integer}, or -1 when malformed. */
    public static int integerValue(Value v) {
        Octets o = v.value();
        return o.length() == 3 ? (o.u8(0) << 16) | (o.u8(1) << 8) | o.u8(2) : -1;
    }

    /** Encodes a tagged integer (tag 0 for untagged). */
    public static Octets encodeInteger(int tag, int value) {
        return Octets.of((byte) tag, (byte) (value >>> 16), (byte) (value >>> 8), (byte) value);
    }

    /**
     * Encodes a string with an optional tag. Untagged strings starting with an octet at or
     * below 0x1F get an explicit 0 tag, or the receiver would read that octet as a tag.
     */
    public static Octets encodeString(int tag, String text) {
        byte[] s = text.getBytes(StandardCharsets.UTF_8);
        if (tag == 0 && (s.length == 0 || (s[0] & 0xFF) > MAX_TAG)) {
            return Octets.of(s);
        }
        byte[] out = new byte[s.length + 1];
        out[0] = (byte) tag;
        System.arraycopy(s, 0, out, 1, s.length);
        return Octets.of(out);
    }
}
