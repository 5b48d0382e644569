package net.vpdn.l2tp;

import java.security.SecureRandom;

/**
 * Where the engine gets randomness (Random Vectors, Challenges, Tie Breakers, tunnel and session
 * ids). Injected so that encoding and id choice are deterministic in tests.
 */
public interface RandomSource {

    /** Fills {@code dest} with random octets. */
    void nextBytes(byte[] dest);

    /** A uniformly distributed int. */
    int nextInt();

    /** A uniformly distributed long. */
    long nextLong();

    /** The production source: a {@link SecureRandom}. */
    static RandomSource secure() {
        SecureRandom r = new SecureRandom();
        return new RandomSource() {
            public void nextBytes(byte[] dest) { r.nextBytes(dest); }
            public int nextInt() { return r.nextInt(); }
            public long nextLong() { return r.nextLong(); }
        };
    }

    /** A reproducible source for tests and benchmarks. */
    static RandomSource seeded(long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        return new RandomSource() {
            public void nextBytes(byte[] dest) { r.nextBytes(dest); }
            public int nextInt() { return r.nextInt(); }
            public long nextLong() { return r.nextLong(); }
        };
    }
}
