package net.vpdn.lns;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import net.vpdn.ppp.auth.AuthVerdict;
import net.vpdn.ppp.ipcp.Ipv4Address;

/**
 * AAA's answer for one subscriber: the verdict and, on accept, what RADIUS (or the local user
 * table) authorized.
 *
 * @param verdict accept or reject, with the text for the PAP/CHAP reply
 * @param framedAddress Framed-IP-Address, if given
 * @param framedPool Framed-Pool, if given (else the template's pool)
 * @param sessionTimeout Session-Timeout, overriding the template's
 * @param idleTimeout Idle-Timeout, overriding the template's
 * @param interimInterval Acct-Interim-Interval, overriding the configured interval
 * @param sessionLimit this user's most sessions at once (Port-Limit), overriding the group's
 */
public record Authorization(AuthVerdict verdict, Optional<Ipv4Address> framedAddress, Optional<String> framedPool,
                            Optional<Duration> sessionTimeout, Optional<Duration> idleTimeout,
                            Optional<Duration> interimInterval, OptionalInt sessionLimit) {
    public Authorization {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(framedAddress, "framedAddress");
        Objects.requireNonNull(framedPool, "framedPool");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(interimInterval, "interimInterval");
        Objects.requireNonNull(sessionLimit, "sessionLimit");
    }

    /** A bare verdict, nothing authorized beyond it. */
    public static Authorization of(AuthVerdict verdict) {
        return new Authorization(verdict, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalInt.empty());
    }

    public boolean accepted() {
        return verdict instanceof AuthVerdict.Accept;
    }

    /** A copy authorizing {@code address}. */
    public Authorization withFramedAddress(Ipv4Address address) {
        return new Authorization(verdict, Optional.of(address), framedPool, sessionTimeout, idleTimeout, interimInterval,
                sessionLimit);
    }

    /** A copy with these timeouts. */
    public Authorization withTimeouts(Optional<Duration> session, Optional<Duration> idle) {
        return new Authorization(verdict, framedAddress, framedPool, session, idle, interimInterval, sessionLimit);
    }

    /** A copy with this Acct-Interim-Interval. */
    public Authorization withInterimInterval(Duration interval) {
        return new Authorization(verdict, framedAddress, framedPool, sessionTimeout, idleTimeout,
                Optional.of(interval), sessionLimit);
    }

    /** A copy with this per-user session limit. */
    public Authorization withSessionLimit(int limit) {
        return new Authorization(verdict, framedAddress, framedPool, sessionTimeout, idleTimeout, interimInterval,
                OptionalInt.of(limit));
    }
}
