package net.vpdn.aaa.wire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.vpdn.ppp.wire.Octets;

/** A decoded RADIUS packet (RFC 2865 §3): code, identifier, 16-octet authenticator, attributes in order. */
public record RadiusPacket(RadiusCode code, int identifier, Octets authenticator, List<RadiusAttribute> attributes) {
    public RadiusPacket {
        Objects.requireNonNull(code, "code");
        if (identifier < 0 || identifier > 255) {
            throw new IllegalArgumentException("identifier out of range: " + identifier);
        }
        if (authenticator.length() != 16) {
            throw new IllegalArgumentException("authenticator must be 16 octets");
        }
        attributes = List.copyOf(attributes);
    }

    /** The first attribute of {@code type}. */
    public Optional<RadiusAttribute> first(int type) {
        return attributes.stream().filter(a -> a.type() == type).findFirst();
    }

    /** All attributes of {@code type}, in packet order. */
    public List<RadiusAttribute> all(int type) {
        return attributes.stream().filter(a -> a.type() == type).toList();
    }
}
