package net.vpdn.aaa.radius;

import java.util.List;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.packet.PacketType;
import org.tinyradius.core.packet.RadiusPacket;
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
    public record Request(byte code, List<RadiusAttribute> attributes, Secret userPassword) {
        public Request {
            if (code != PacketType.ACCESS_REQUEST && code != PacketType.ACCOUNTING_REQUEST) {
                throw new IllegalArgumentException("the client sends Access- and Accounting-Requests, not code " + code);
            }
            attributes = List.copyOf(attributes);
        }

        /** Whether this is an Access-Request. */
        public boolean isAccess() {
            return code == PacketType.ACCESS_REQUEST;
        }

        /** Whether {@code replyCode} answers this request (RFC 2865 §4, RFC 2866 §4). */
        public boolean isAnsweredBy(int replyCode) {
            return isAccess()
                    ? replyCode == PacketType.ACCESS_ACCEPT || replyCode == PacketType.ACCESS_REJECT || replyCode == PacketType.ACCESS_CHALLENGE
                    : replyCode == PacketType.ACCOUNTING_RESPONSE;
        }

        @Override
        public String toString() {
            return "Request[code " + code + ", " + attributes.size() + " attributes]";
        }
    }

    /** How a request ended. */
    public sealed interface Outcome { }

    /**
     * A verified reply; {@code requestAuthenticator} and {@code secret} are what Tunnel-Password
     * decryption needs (RFC 2868 §3.5).
     */
    public record Answered(RadiusPacket<?> reply, String server, Octets requestAuthenticator, Secret secret) implements Outcome {
        /** The reply's code. */
        public int code() {
            return reply.getType() & 0xFF;
        }
    }

    /** No server gave a valid reply. */
    public record NoAnswer(String detail) implements Outcome { }
}
