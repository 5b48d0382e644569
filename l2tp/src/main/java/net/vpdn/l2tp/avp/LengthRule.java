package net.vpdn.l2tp.avp;

/**
 * The value lengths an AVP type accepts (octets after the 6-octet AVP header), RFC 2661 §4.4.
 * {@code forbidden} is one length inside [min, max] that is still wrong (-1 for none), for the
 * Result Code whose optional Error Code is two octets or nothing.
 */
public record LengthRule(int min, int max, int forbidden) {
    /** Largest value the 10-bit AVP Length field leaves room for, §4.1. */
    public static final int MAX_VALUE = 0x03FF - 6;

    public static LengthRule fixed(int n) {
        return new LengthRule(n, n, -1);
    }

    public static LengthRule atLeast(int n) {
        return new LengthRule(n, MAX_VALUE, -1);
    }

    /** Whether a value of {@code length} octets is acceptable. */
    public boolean accepts(int length) {
        return length >= min && length <= max && length != forbidden;
    }

    @Override
    public String toString() {
        String range = min == max ? "exactly " + min : max == MAX_VALUE ? "at least " + min : min + " to " + max;
        return range + (forbidden >= 0 ? " (but not " + forbidden + ")" : "") + " octets";
    }
}
