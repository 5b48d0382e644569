package net.vpdn.lac.access.emulator;

import java.time.Duration;
import java.util.Objects;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.lcp.AuthMethod;

/**
 * One emulated subscriber.
 *
 * @param user          user name, e.g. {@code alice@corp.example}
 * @param password      PAP password or CHAP secret (never printed)
 * @param callingNumber the line's Calling Number
 * @param calledNumber  the line's Called Number (DNIS)
 * @param auth          the one method the subscriber agrees to authenticate with
 * @param pings         ICMP echoes to the LNS once IPCP is up, one after the other
 * @param pingTimeout   how long each echo waits for its reply
 * @param hold          how long the call stays up after IPCP opened (pings included) before hanging up
 */
public record SubscriberProfile(String user, Secret password, String callingNumber, String calledNumber,
                                AuthMethod auth, int pings, Duration pingTimeout, Duration hold) {
    public SubscriberProfile {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(callingNumber, "callingNumber");
        Objects.requireNonNull(calledNumber, "calledNumber");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(pingTimeout, "pingTimeout");
        Objects.requireNonNull(hold, "hold");
        if (hold.isNegative()) throw new IllegalArgumentException("hold must not be negative");
        if (pings < 0) throw new IllegalArgumentException("pings must not be negative");
    }

    /** A subscriber that hangs up as soon as its pings are done. */
    public SubscriberProfile(String user, Secret password, String callingNumber, String calledNumber, AuthMethod auth,
                             int pings, Duration pingTimeout) {
        this(user, password, callingNumber, calledNumber, auth, pings, pingTimeout, Duration.ZERO);
    }

    @Override
    public String toString() {
        return "SubscriberProfile[user=" + user + ", calling=" + callingNumber + ", called=" + calledNumber
                + ", auth=" + auth + ", pings=" + pings + ", hold=" + hold + "]";
    }
}
