package net.vpdn.lac.call;

import java.time.Duration;
import java.util.Objects;
import net.vpdn.lac.select.UserNameParser;
import net.vpdn.ppp.session.PppSessionConfig;

/**
 * How the LAC handles calls.
 *
 * @param ppp    PPP with the subscriber: must be LAC mode; its LCP policy says CHAP or PAP (or both,
 *               preferred first) and the MRU the LAC offers (keep it no larger than the LNS's, or
 *               the LNS will renegotiate LCP rather than adopt it)
 * @param parser how the domain is found in the user name
 * @param setupTimeout the most a call may take from line up to connected (PPP, selection, tunnel, ICRQ/ICCN
 *               and any retries on other LNSs); then it is cleared: CDN to the LNS if placed, LCP
 *               Terminate-Request to the subscriber, counted as {@code SETUP_TIMEOUT}
 */
public record LacCallConfig(PppSessionConfig ppp, UserNameParser parser, Duration setupTimeout) {
    /** The call setup timeout when none is configured (as the configuration's {@code l2tp.call-setup-timeout}). */
    public static final Duration DEFAULT_SETUP_TIMEOUT = Duration.ofSeconds(30);

    public LacCallConfig {
        Objects.requireNonNull(ppp, "ppp");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(setupTimeout, "setupTimeout");
        if (!ppp.lacMode()) throw new IllegalArgumentException("the subscriber-side PPP config must be in LAC mode");
        if (setupTimeout.isNegative() || setupTimeout.isZero()) {
            throw new IllegalArgumentException("setupTimeout must be positive: " + setupTimeout);
        }
    }

    /** With the default setup timeout. */
    public LacCallConfig(PppSessionConfig ppp, UserNameParser parser) {
        this(ppp, parser, DEFAULT_SETUP_TIMEOUT);
    }
}
