package net.vpdn.l2tp.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * When an unacknowledged control message is sent again, RFC 2661 §5.8.
 *
 * <p>The first retransmission waits {@code initial} (the RFC recommends 1 second); each later
 * one doubles the wait ("MUST employ an exponential backoff interval") up to {@code cap}, which
 * §5.8 says MUST be no less than 8 seconds. After {@code maxRetries} retransmissions of one
 * message go unanswered, the control connection and its sessions must be cleared (§5.8
 * recommends 5 and says the number SHOULD be configurable).
 *
 * @param initial    wait after the first transmission; positive and no more than {@code cap}
 * @param cap        largest wait between two transmissions; at least {@link #MIN_CAP}
 * @param maxRetries retransmissions of one message before the peer is declared dead, 1..100
 */
public record RetransmitPolicy(Duration initial, Duration cap, int maxRetries) {

    /** RFC 2661 §5.8: the backoff cap MUST be no less than 8 seconds. */
    public static final Duration MIN_CAP = Duration.ofSeconds(8);

    /** Upper bound on {@code maxRetries}, so that {@link #totalHold()} stays a sane hold. */
    public static final int MAX_RETRIES_LIMIT = 100;

    /** RFC 2661 §5.8 recommendations: 1 s initial, 5 retries; cap 8 s, the smallest allowed. */
    public static final RetransmitPolicy RFC_DEFAULT =
            new RetransmitPolicy(Duration.ofSeconds(1), MIN_CAP, 5);

    /** Validates the policy; throws {@link IllegalArgumentException} for values §5.8 forbids. */
    public RetransmitPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(cap, "cap");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial retransmit timeout must be positive: " + initial);
        }
        if (cap.compareTo(MIN_CAP) < 0) {
            throw new IllegalArgumentException(
                    "retransmit cap " + cap + " is below the 8 s minimum of RFC 2661 §5.8");
        }
        if (initial.compareTo(cap) > 0) {
            throw new IllegalArgumentException("initial timeout " + initial + " exceeds cap " + cap);
        }
        if (maxRetries < 1 || maxRetries > MAX_RETRIES_LIMIT) {
            throw new IllegalArgumentException(
                    "maxRetries must be in 1.." + MAX_RETRIES_LIMIT + ": " + maxRetries);
        }
    }

    /**
     * The wait after transmission number {@code attempt}: attempt 0 is the first transmission,
     * attempt n the n-th retransmission. {@code min(initial * 2^attempt, cap)}; negative
     * attempts are treated as 0.
     */
    public Duration timeoutFor(int attempt) {
        Duration wait = initial;
        for (int i = 0; i < attempt && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    /**
     * Time from the first transmission of a message until the peer is declared dead if nothing
     * is ever acknowledged: the waits for attempts 0..maxRetries. This is also how long state
     * must be kept after the final exchange (RFC 2661 §5.7, §5.8: the StopCCN hold).
     */
    public Duration totalHold() {
        Duration total = Duration.ZERO;
        for (int attempt = 0; attempt <= maxRetries; attempt++) {
            total = total.plus(timeoutFor(attempt));
        }
        return total;
    }
}
