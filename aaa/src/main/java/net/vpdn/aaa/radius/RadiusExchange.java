package net.vpdn.aaa.radius;

import java.util.List;
import java.util.Objects;
import net.vpdn.aaa.wire.RadiusAttribute;
import net.vpdn.aaa.wire.RadiusCode;
import net.vpdn.aaa.wire.RadiusPacket;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;

/** Requests to the RADIUS client and its answers. */
public final class RadiusExchange {
    private RadiusExchange() {
    }

    /**
     * A request to send: Access-Request (to the auth port) or Accounting-Request (to the acct
     * port). {@code userPassword}, when not null, is hidden per server as User-Password.
     */
    public record Request(RadiusCode code, List<RadiusAttribute> attributes, Secret userPassword) {
        public Request {
            Objects.requireNonNull(code, "code");
            if (code != RadiusCode.ACCESS_REQUEST && code != RadiusCode.ACCOUNTING_REQUEST) {
                throw new IllegalArgumentException("the client sends Access- and Accounting-Requests, not " + code);
            }
            attributes = List.copyOf(attributes);
        }

        @Override
        public String toString() {
            return "Request[" + code + ", " + attributes.size() + " attributes]";
        }
    }

    /** How a request ended. */
    public sealed interface Outcome { }

    /**
     * A verified reply; {@code requestAuthenticator} and {@code secret} are what Tunnel-Password
     * decryption needs (RFC 2868 §3.5).
     */
    public record Answered(RadiusPacket reply, String server, Octets requestAuthenticator, Secret secret) implements Outcome { }

    /** No server gave a valid reply. */
    public record NoAnswer(String detail) implements Outcome { }
}
