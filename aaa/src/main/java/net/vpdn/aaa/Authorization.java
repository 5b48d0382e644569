package net.vpdn.aaa;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import net.vpdn.ppp.wire.Octets;

/**
 * What an accepted user is allowed (LNS side).
 *
 * @param framedAddress  Framed-IP-Address: a fixed address for the peer
 * @param poolName       Framed-Pool: the pool to draw an address from
 * @param sessionTimeout Session-Timeout
 * @param idleTimeout    Idle-Timeout
 * @param interimInterval Acct-Interim-Interval (RFC 2869 §5.16): how often to send accounting Interim-Update
 * @param sessionLimit   how many simultaneous sessions this user may hold (Port-Limit over RADIUS)
 * @param radiusClass    Class, to echo in accounting (RFC 2865 §5.25)
 * @param message        text for the PPP Success/Ack; for MS-CHAPv2 the "S=…" authenticator response
 */
public record Authorization(Optional<Inet4Address> framedAddress, Optional<String> poolName,
                            Optional<Duration> sessionTimeout, Optional<Duration> idleTimeout,
                            Optional<Duration> interimInterval, OptionalInt sessionLimit, Optional<Octets> radiusClass,
                            String message) {
    public Authorization {
        Objects.requireNonNull(framedAddress, "framedAddress");
        Objects.requireNonNull(poolName, "poolName");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(interimInterval, "interimInterval");
        Objects.requireNonNull(sessionLimit, "sessionLimit");
        Objects.requireNonNull(radiusClass, "radiusClass");
        Objects.requireNonNull(message, "message");
    }

    /** No limits and no address: the defaults apply. */
    public static Authorization none(String message) {
        return new Authorization(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalInt.empty(), Optional.empty(), message);
    }
}
