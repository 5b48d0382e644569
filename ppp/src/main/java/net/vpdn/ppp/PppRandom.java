package net.vpdn.ppp;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Where the PPP engine gets randomness: LCP Magic-Numbers (RFC 1661 §6.4), CHAP and MS-CHAPv2
 * challenges (RFC 1994 §2, RFC 2759 §4). Injected so that negotiation is deterministic in tests;
 * the ppp module keeps its own interface so that it does not depend on the l2tp module.
 */
public interface PppRandom {

    /** Fills {@code dest} with random octets. */
    void nextBytes(byte[] dest);

    /** A uniformly distributed int. */
    int nextInt();

    /** The production source, backed by {@link SecureRandom}. */
    static PppRandom secure() {
        SecureRandom r = new SecureRandom();
        return new PppRandom() {
            @Override public void nextBytes(byte[] dest) { r.nextBytes(dest); }
            @Override public int nextInt() { return r.nextInt(); }
        };
    }

    /** A reproducible source for tests and benchmarks. */
    static PppRandom seeded(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return new PppRandom() {
            @Override public void nextBytes(byte[] dest) { r.nextBytes(dest); }
            @Override public int nextInt() { return r.nextInt(); }
        };
    }
}
