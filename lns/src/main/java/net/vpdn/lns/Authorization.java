package net.vpdn.lns;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
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
 */
public record Authorization(AuthVerdict verdict, Optional<Ipv4Address> framedAddress, Optional<String> framedPool,
                            Optional<Duration> sessionTimeout, Optional<Duration> idleTimeout) {
    public Authorization {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(framedAddress, "framedAddress");
        Objects.requireNonNull(framedPool, "framedPool");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /** A bare verdict, nothing authorized beyond it. */
    public static Authorization of(AuthVerdict verdict) {
        return new Authorization(verdict, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean accepted() {
        return verdict instanceof AuthVerdict.Accept;
    }

    /** A copy authorizing {@code address}. */
    public Authorization withFramedAddress(Ipv4Address address) {
        return new Authorization(verdict, Optional.of(address), framedPool, sessionTimeout, idleTimeout);
    }

    /** A copy with these timeouts. */
    public Authorization withTimeouts(Optional<Duration> session, Optional<Duration> idle) {
        return new Authorization(verdict, framedAddress, framedPool, session, idle);
    }
}
