package net.vpdn.l2tp.transport;

/**
 * Arithmetic on the 16-bit control sequence numbers Ns and Nr, RFC 2661 §5.8.
 *
 * <p>Sequence numbers wrap from 65535 to 0, so they are never compared with {@code <}. The RFC's
 * rule is that a value precedes another when it lies within the 32767 values before it. A
 * distance of exactly 32768 is ambiguous for a generic comparison; {@link #lessThan} answers
 * {@code false} both ways there, and {@link #isDuplicate} applies the RFC's receive-side rule,
 * which counts that half-way value as already received.
 */
public final class Seq {

    /** Number of distinct sequence numbers. */
    public static final int MODULUS = 1 << 16;

    /** Largest forward distance at which one number still precedes another (RFC 2661 §5.8). */
    public static final int HALF = MODULUS / 2 - 1;

    private static final int MASK = MODULUS - 1;

    private Seq() {
    }

    /** The number after {@code seq}, wrapping 65535 to 0. */
    public static int next(int seq) {
        return add(seq, 1);
    }

    /** {@code seq + delta} modulo 65536; {@code delta} may be negative. */
    public static int add(int seq, int delta) {
        return (seq + delta) & MASK;
    }

    /** Forward distance from {@code from} to {@code to}, in 0..65535. */
    public static int distance(int from, int to) {
        return (to - from) & MASK;
    }

    /** Whether {@code a} precedes {@code b}: {@code b} is 1..32767 steps ahead of {@code a}. */
    public static boolean lessThan(int a, int b) {
        int d = distance(a, b);
        return d >= 1 && d <= HALF;
    }

    /** {@code a} equals {@code b} or precedes it. */
    public static boolean lessOrEqual(int a, int b) {
        return (a & MASK) == (b & MASK) || lessThan(a, b);
    }

    /**
     * Three-way comparison under the §5.8 rule: negative when {@code a} precedes {@code b},
     * positive when {@code b} precedes {@code a}, zero when equal. At exactly half the space
     * apart neither precedes; the raw values then break the tie so that the result stays
     * antisymmetric. Modular order is not transitive, so do not sort with this.
     */
    public static int compare(int a, int b) {
        int d = distance(a, b);
        if (d == 0) {
            return 0;
        }
        if (d == HALF + 1) {
            return Integer.compare(a & MASK, b & MASK);
        }
        return d <= HALF ? -1 : 1;
    }

    /**
     * Receive-side duplicate test, RFC 2661 §5.8: a message whose Ns is the last received
     * number or any of the 32767 numbers before it has been received already. With
     * {@code expected} the next Ns we wait for, those are the 32768 values before it.
     */
    public static boolean isDuplicate(int ns, int expected) {
        int d = distance(ns, expected);
        return d >= 1 && d <= HALF + 1;
    }

    /** Whether {@code seq} is a valid 16-bit sequence number. */
    public static boolean isValid(int seq) {
        return seq >= 0 && seq <= MASK;
    }
}
