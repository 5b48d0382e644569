package net.vpdn.ppp.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Retransmission settings for PAP requests and CHAP challenges.
 *
 * @param retry the wait before a retransmission
 * @param maxTransmissions packets sent before giving up (TIMEOUT)
 */
public record AuthTiming(Duration retry, int maxTransmissions) {
    public AuthTiming {
        Objects.requireNonNull(retry, "retry");
        if (retry.isZero() || retry.isNegative() || maxTransmissions < 1) {
            throw new IllegalArgumentException("retry " + retry + " and maxTransmissions " + maxTransmissions + " must be positive");
        }
    }

    /** 3 s, 10 times, like the LCP Restart timer and Max-Configure. */
    public static AuthTiming defaults() {
        return DEFAULTS;
    }

    /** Immutable, so every session shares the one instance. */
    private static final AuthTiming DEFAULTS = new AuthTiming(Duration.ofSeconds(3), 10);
}
