package net.vpdn.aaa.wire;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import net.vpdn.ppp.wire.Octets;

/**
 * One RADIUS attribute as on the wire (RFC 2865 §5): a type and up to 253 value octets.
 * Vendor-Specific (26) keeps its whole value, vendor id included; see {@link Vsa}.
 */
public record RadiusAttribute(int type, Octets value) {
    /** Largest value an attribute can carry (length octet 255 minus the 2-octet header). */
    public static final int MAX_VALUE_LENGTH = 253;

    public RadiusAttribute {
        if (type < 1 || type > 255) {
            throw new IllegalArgumentException("attribute type out of range: " + type);
        }
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("attribute value longer than 253 octets: " + value.length());
        }
    }

    /** A text attribute, UTF-8. */
    public static RadiusAttribute text(int type, String text) {
        return new RadiusAttribute(type, Octets.of(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A 32-bit integer attribute. */
    public static RadiusAttribute integer(int type, long value) {
        return new RadiusAttribute(type, Octets.ofU32(value));
    }

    /** The value as UTF-8 text. */
    public String asText() {
        return new String(value.toArray(), StandardCharsets.UTF_8);
    }

    /** The value as a 32-bit unsigned integer, or -1 when it is not four octets long. */
    public long asInteger() {
        return value.length() == 4 ? value.u32(0) : -1;
    }

    @Override
    public String toString() {
        // values may be hidden passwords; print lengths only
        return "RadiusAttribute[type=" + type + ", length=" + value.length() + "]";
    }
}
