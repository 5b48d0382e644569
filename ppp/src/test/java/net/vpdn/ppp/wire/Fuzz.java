package net.vpdn.ppp.wire;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Mutations of a good vector for "decoder is total" tests: truncation, bit flips, length edits. */
public final class Fuzz {
    private Fuzz() {
    }

    /** One random mutation of {@code good}. */
    public static byte[] mutate(byte[] good, SplittableRandom r) {
        byte[] in = good.clone();
        switch (r.nextInt(4)) {
            case 0 -> in = Arrays.copyOf(in, r.nextInt(in.length + 1));
            case 1 -> in[r.nextInt(in.length)] ^= (byte) (1 << r.nextInt(8));
            case 2 -> in[r.nextInt(in.length)] = (byte) r.nextInt(256);
            default -> {
                in = new byte[r.nextInt(64)];
                r.nextBytes(in);
            }
        }
        return in;
    }
}
