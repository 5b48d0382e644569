package net.vpdn.ppp.fsm;

import java.time.Duration;
import java.util.Objects;

/**
 * Timer and counter settings of one control protocol, RFC 1661 §4.6.
 *
 * @param restartTimer the Restart timer period (RFC default 3 s)
 * @param maxTerminate Terminate-Requests sent without a Terminate-Ack before giving up (default 2)
 * @param maxConfigure Configure-Requests sent without a valid reply before giving up (default 10)
 * @param maxFailure Configure-Naks sent without an Ack before Naks become Rejects (default 5)
 * @param maxRejectedPacketLength how much of an unknown packet a Code-Reject echoes back,
 *     so that it fits the peer's MRU (§5.6)
 */
public record CpConfig(Duration restartTimer, int maxTerminate, int maxConfigure, int maxFailure,
                       int maxRejectedPacketLength) {

    public CpConfig {
        Objects.requireNonNull(restartTimer, "restartTimer");
        if (restartTimer.isNegative() || restartTimer.isZero()) {
            throw new IllegalArgumentException("restartTimer must be positive: " + restartTimer);
        }
        if (maxTerminate < 1 || maxConfigure < 1 || maxFailure < 0 || maxRejectedPacketLength < 4) {
            throw new IllegalArgumentException("counters out of range: terminate " + maxTerminate
                    + ", configure " + maxConfigure + ", failure " + maxFailure + ", reject " + maxRejectedPacketLength);
        }
    }

    /** The RFC 1661 §4.6 suggested values. */
    public static CpConfig rfcDefaults() {
        return RFC_DEFAULTS;
    }

    /** Immutable, so every session shares the one instance. */
    private static final CpConfig RFC_DEFAULTS = new CpConfig(Duration.ofSeconds(3), 2, 10, 5, 1496);
}
