package net.vpdn.ppp.auth;

/**
 * The MD4 message digest, RFC 1320, needed for the NT password hash of MS-CHAPv2
 * (RFC 2759 §8.3). The JDK has no MD4 provider, so it is written here from the RFC's
 * description. MD4 is broken as a general hash; it is used only because the protocol demands it.
 */
public final class Md4 {
    private static final int[] ROUND2_ORDER = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
    private static final int[] ROUND3_ORDER = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
    private static final int[][] SHIFTS = {{3, 7, 11, 19}, {3, 5, 9, 13}, {3, 9, 11, 15}};

    private Md4() {
    }

    /** The 16-octet MD4 digest of {@code message}. */
    public static byte[] digest(byte[] message) {
        byte[] padded = pad(message);
        int[] state = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
        int[] x = new int[16];
        for (int block = 0; block < padded.length; block += 64) {
            for (int i = 0; i < 16; i++) {
                int p = block + 4 * i;
                x[i] = (padded[p] & 0xFF) | (padded[p + 1] & 0xFF) << 8 | (padded[p + 2] & 0xFF) << 16 | (padded[p + 3] & 0xFF) << 24;
            }
            compress(state, x);
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 4; i++) {
            for (int b = 0; b < 4; b++) {
                out[4 * i + b] = (byte) (state[i] >>> (8 * b));
            }
        }
        return out;
    }

    /** RFC 1320 §3.1–3.2: a 1 bit, zeros to 56 mod 64, then the bit length little-endian. */
    private static byte[] pad(byte[] message) {
        int length = message.length;
        int total = ((length + 8) / 64 + 1) * 64;
        byte[] padded = new byte[total];
        System.arraycopy(message, 0, padded, 0, length);
        padded[length] = (byte) 0x80;
        long bits = (long) length * 8;
        for (int i = 0; i < 8; i++) {
            padded[total - 8 + i] = (byte) (bits >>> (8 * i));
        }
        return padded;
    }

    private static void compress(int[] state, int[] x) {
        int[] v = state.clone();
        for (int i = 0; i < 16; i++) {
            step(v, i, x[i], SHIFTS[0][i % 4], 0, 0);
        }
        for (int i = 0; i < 16; i++) {
            step(v, i, x[ROUND2_ORDER[i]], SHIFTS[1][i % 4], 0x5A827999, 1);
        }
        for (int i = 0; i < 16; i++) {
            step(v, i, x[ROUND3_ORDER[i]], SHIFTS[2][i % 4], 0x6ED9EBA1, 2);
        }
        for (int i = 0; i < 4; i++) {
            state[i] += v[i];
        }
    }

    /**
     * One operation: the register that rotates through a, d, c, b takes
     * (a + round-function(b, c, d) + word + constant) rotated left.
     */
    private static void step(int[] v, int i, int word, int shift, int constant, int round) {
        int a = (4 - i % 4) % 4;
        int b = (a + 1) % 4;
        int c = (a + 2) % 4;
        int d = (a + 3) % 4;
        int mix = switch (round) {
            case 0 -> f(v[b], v[c], v[d]);
            case 1 -> g(v[b], v[c], v[d]);
            default -> h(v[b], v[c], v[d]);
        };
        v[a] = Integer.rotateLeft(v[a] + mix + word + constant, shift);
    }

    private static int f(int x, int y, int z) {
        return (x & y) | (~x & z);
    }

    private static int g(int x, int y, int z) {
        return (x & y) | (x & z) | (y & z);
    }

    private static int h(int x, int y, int z) {
        return x ^ y ^ z;
    }
}
