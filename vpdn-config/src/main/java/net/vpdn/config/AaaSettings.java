package net.vpdn.config;

/**
 * What each process uses its user base and RADIUS servers for (file section {@code aaa}).
 *
 * @param authentication       PPP authentication of users (LNS; a LAC with local PPP authentication)
 * @param tunnelAuthorization  where a LAC finds the tunnel for a user (local {@code vpdn-groups} or RADIUS
 *                             tunnel attributes, RFC 2868); unused by an LNS
 * @param accounting           where session accounting goes (only {@code radius} exists; empty = off)
 * @param accountingInterimInterval how often an in-service session sends accounting Interim-Update when
 *                             the Access-Accept carries no Acct-Interim-Interval; zero = never
 */
public record AaaSettings(MethodList authentication, MethodList tunnelAuthorization, MethodList accounting,
                          java.time.Duration accountingInterimInterval) {
}
