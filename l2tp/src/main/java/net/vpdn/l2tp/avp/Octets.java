package net.vpdn.l2tp.avp;

import java.nio.charset.StandardCharsets;
import net.vpdn.l2tp.wire.Bytes;

/** Big-endian field access for AVP values. Callers check lengths first (the {@link AvpTable} rule). */
final class Octets {
    private Octets() {
    }

    static int u8(byte[] v, int i) {
        return v[i] & 0xFF;
    }

    static int u16(byte[] v, int i) {
        return (u8(v, i) << 8) | u8(v, i + 1);
    }

    static long u32(byte[] v, int i) {
        return ((long) u16(v, i) << 16) | u16(v, i + 2);
    }

    static long u64(byte[] v, int i) {
        return (u32(v, i) << 32) | u32(v, i + 4);
    }

    /** Text fields are UTF-8; malformed sequences become U+FFFD rather than failing. */
    static String text(byte[] v, int from) {
        return new String(v, from, v.length - from, StandardCharsets.UTF_8);
    }

    static Bytes bytes(byte[] v) {
        return Bytes.of(v);
    }

    /** A value builder: appends big-endian fields. */
    static final class Writer {
        private byte[] buf = new byte[16];
        private int size;

        Writer u8(int x) {
            ensure(1);
            buf[size++] = (byte) x;
            return this;
        }

        Writer u16(int x) {
            return u8(x >>> 8).u8(x);
        }

        Writer u32(long x) {
            return u16((int) (x >>> 16)).u16((int) x);
        }

        Writer u64(long x) {
            return u32(x >>> 32).u32(x);
        }

        Writer text(String s) {
            return raw(s.getBytes(StandardCharsets.UTF_8));
        }

        Writer raw(Bytes b) {
            return raw(b.toArray());
        }

        Writer raw(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
            return this;
        }

        byte[] done() {
            return java.util.Arrays.copyOf(buf, size);
        }

        private void ensure(int n) {
            if (size + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }
    }

    static Writer writer() {
        return new Writer();
    }
}
