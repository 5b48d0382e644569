package net.vpdn.aaa.radius;

import java.net.InetSocketAddress;
import java.util.Objects;
import net.vpdn.ppp.auth.Secret;

/** One RADIUS server: its authentication and accounting addresses and our shared secret with it. */
public record RadiusServer(String name, InetSocketAddress authAddress, InetSocketAddress acctAddress, Secret secret) {
    public RadiusServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authAddress, "authAddress");
        Objects.requireNonNull(acctAddress, "acctAddress");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "RadiusServer[" + name + ", auth=" + authAddress + ", acct=" + acctAddress + ", secret=redacted]";
    }
}
