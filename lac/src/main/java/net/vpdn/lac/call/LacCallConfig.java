package net.vpdn.lac.call;

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
 */
public record LacCallConfig(PppSessionConfig ppp, UserNameParser parser) {
    public LacCallConfig {
        Objects.requireNonNull(ppp, "ppp");
        Objects.requireNonNull(parser, "parser");
        if (!ppp.lacMode()) throw new IllegalArgumentException("the subscriber-side PPP config must be in LAC mode");
    }
}
