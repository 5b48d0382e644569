package net.vpdn.ppp.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string compared by content, for option values, packet data and
 * authentication fields. Records compare arrays by identity, so PPP records hold this instead.
 */
public final class Octets {
    /** The empty byte string. */
    public static final Octets EMPTY = new Octets(new byte[0]);

    private final byte[] data;

    private Octets(byte[] data) {
        this.data = data;
    }

    /** Copies {@code data}, so later changes to the array do not show through. */
    public static Octets of(byte... data) {
        return data.length == 0 ? EMPTY : new Octets(data.clone());
    }

    /** Copies {@code length} bytes of {@code data} from {@code offset}. */
    public static Octets of(byte[] data, int offset, int length) {
        return length == 0 ? EMPTY : new Octets(Arrays.copyOfRange(data, offset, offset + length));
    }

    /** Parses hexadecimal digits (no separators). */
    public static Octets fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    /** The octets of a big-endian 16-bit value. */
    public static Octets ofU16(int value) {
        return new Octets(new byte[] {(byte) (value >>> 8), (byte) value});
    }

    /** The octets of a big-endian 32-bit value. */
    public static Octets ofU32(long value) {
        return new Octets(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    public int length() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    /** The octet at {@code index} as an unsigned value. */
    public int u8(int index) {
        return data[index] & 0xFF;
    }

    /** The big-endian unsigned 16-bit value at {@code index}. */
    public int u16(int index) {
        return (u8(index) << 8) | u8(index + 1);
    }

    /** The big-endian unsigned 32-bit value at {@code index}. */
    public long u32(int index) {
        return ((long) u16(index) << 16) | u16(index + 2);
    }

    /** A copy of {@code length} octets from {@code offset}. */
    public Octets slice(int offset, int length) {
        return of(data, offset, length);
    }

    /** A fresh copy of the content. */
    public byte[] toArray() {
        return data.clone();
    }

    /** Copies the content into {@code dest} at {@code destOffset}. */
    public void copyTo(byte[] dest, int destOffset) {
        System.arraycopy(data, 0, dest, destOffset, data.length);
    }

    public String toHex() {
        return HexFormat.of().formatHex(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Octets b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return data.length <= 64 ? "0x" + toHex() : "0x" + HexFormat.of().formatHex(data, 0, 64) + "...(" + data.length + " bytes)";
    }
}
