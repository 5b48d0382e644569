package net.vpdn.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What each process uses its user base and RADIUS servers for (file section {@code aaa}).
 *
 * @param authentication       PPP authentication of users (LNS; a LAC with local PPP authentication)
 * @param tunnelAuthorization  where a LAC finds the tunnel for a user (local {@code vpdn-groups} or RADIUS
 *                             tunnel attributes, RFC 2868); unused by an LNS
 * @param accounting           where session accounting goes (only {@code radius} exists; empty = off)
 * @param accountingInterimInterval how often an in-service session sends accounting Interim-Update when
 *                             the Access-Accept carries no Acct-Interim-Interval; zero = never
 * @param tunnelAuthorizationPassword the User-Password of a LAC's RADIUS domain/DNIS lookup (IOS {@code vpdn
 *                             tunnel authorization password}; {@link #DEFAULT_LOOKUP_PASSWORD} by default)
 */
public record AaaSettings(MethodList authentication, MethodList tunnelAuthorization, MethodList accounting,
                          Duration accountingInterimInterval, Secret tunnelAuthorizationPassword) {
    /** What IOS sends in a VPDN domain lookup unless told otherwise, and so what RADIUS servers expect. */
    public static final String DEFAULT_LOOKUP_PASSWORD = "cisco";

    public AaaSettings {
        Objects.requireNonNull(accountingInterimInterval, "accountingInterimInterval");
        Objects.requireNonNull(tunnelAuthorizationPassword, "tunnelAuthorizationPassword");
    }

    /** Settings with the default lookup password. */
    public AaaSettings(MethodList authentication, MethodList tunnelAuthorization, MethodList accounting,
                       Duration accountingInterimInterval) {
        this(authentication, tunnelAuthorization, accounting, accountingInterimInterval,
                Secret.of(DEFAULT_LOOKUP_PASSWORD));
    }
}
