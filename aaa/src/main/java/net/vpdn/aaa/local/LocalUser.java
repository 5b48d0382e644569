package net.vpdn.aaa.local;

import java.net.Inet4Address;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import net.vpdn.ppp.auth.Secret;

/** A locally configured user: password, and optionally a static address, a pool and a session limit. */
public record LocalUser(Secret password, Optional<Inet4Address> staticAddress, Optional<String> poolName,
                        OptionalInt sessionLimit) {
    public LocalUser {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(staticAddress, "staticAddress");
        Objects.requireNonNull(poolName, "poolName");
        Objects.requireNonNull(sessionLimit, "sessionLimit");
    }

    /** A user with only a password. */
    public static LocalUser withPassword(Secret password) {
        return new LocalUser(password, Optional.empty(), Optional.empty(), OptionalInt.empty());
    }
}
