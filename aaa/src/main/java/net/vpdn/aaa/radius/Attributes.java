package net.vpdn.aaa.radius;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.vpdn.aaa.tunnel.TunnelAttributes;
import net.vpdn.ppp.wire.Octets;
import org.tinyradius.core.attribute.AttributeHolder;
import org.tinyradius.core.attribute.AttributeTemplate;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.attribute.type.VendorSpecificAttribute;
import org.tinyradius.core.packet.RadiusPacket;

/**
 * Building and reading TinyRadius attributes by dictionary name, and the bridge to the pure
 * {@code tunnel} package (raw RFC 2868 values, tag included). Names not in
 * {@link RadiusDictionary} are programming errors.
 */
public final class Attributes {
    private Attributes() {
    }

    /** A text attribute, UTF-8. */
    public static RadiusAttribute text(String name, String text) {
        return octets(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A 32-bit unsigned integer attribute. */
    public static RadiusAttribute integer(String name, long value) {
        return octets(name, Octets.ofU32(value).toArray());
    }

    /** An attribute with exactly {@code value} as its value. */
    public static RadiusAttribute octets(String name, byte[] value) {
        return template(name).create(RadiusDictionary.INSTANCE, (byte) 0, value);
    }

    /** A Microsoft vendor attribute (RFC 2548) wrapped in its Vendor-Specific attribute. */
    public static RadiusAttribute microsoft(String name, Octets value) {
        return new VendorSpecificAttribute(RadiusDictionary.INSTANCE, RadiusDictionary.MICROSOFT, List.of(octets(name, value.toArray())));
    }

    /** A Broadband Forum (ex ADSL Forum, vendor 3561) attribute of RFC 4679, e.g. ADSL-Agent-Circuit-Id, as octets. */
    public static RadiusAttribute adslForum(String name, String value) {
        byte[] v = value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return new VendorSpecificAttribute(RadiusDictionary.INSTANCE, RadiusDictionary.ADSL_FORUM, List.of(octets(name, v)));
    }

    /**
     * An attribute from its raw wire value, parsed as TinyRadius parses a received one: a
     * Tunnel-Password (tagged and encrypted in its dictionary) keeps tag and ciphertext as given.
     */
    public static RadiusAttribute raw(int type, Octets value) {
        byte[] wire = new byte[2 + value.length()];
        wire[0] = (byte) type;
        wire[1] = (byte) wire.length;
        value.copyTo(wire, 2);
        return AttributeHolder.readAttribute(RadiusDictionary.INSTANCE, RadiusDictionary.STANDARD, Unpooled.wrappedBuffer(wire));
    }

    /** The raw wire value of a standard attribute (tag octet included, if it has one). */
    public static Octets rawValue(RadiusAttribute a) {
        byte[] wire = a.toByteArray();
        return Octets.of(wire, 2, wire.length - 2);
    }

    /** The first attribute {@code name} in {@code packet}, as raw octets. */
    public static Optional<Octets> first(RadiusPacket<?> packet, String name) {
        return packet.getAttribute(name).map(Attributes::rawValue);
    }

    /** The first attribute {@code name} as UTF-8 text. */
    public static Optional<String> text(RadiusPacket<?> packet, String name) {
        return first(packet, name).map(o -> new String(o.toArray(), StandardCharsets.UTF_8));
    }

    /** The first attribute {@code name} as a 32-bit unsigned integer, if it is four octets long. */
    public static Optional<Long> integer(RadiusPacket<?> packet, String name) {
        return first(packet, name).filter(o -> o.length() == 4).map(o -> o.u32(0));
    }

    /** The value of Microsoft vendor attribute {@code name} (RFC 2548), if present. */
    public static Optional<Octets> microsoft(RadiusPacket<?> packet, String name) {
        return packet.getAttribute(RadiusDictionary.MICROSOFT, template(name).getType()).map(a -> Octets.of(a.getValue()));
    }

    /** The RFC 2868 tunnel attributes of {@code packet}, raw, in packet order, for {@link TunnelAttributes#decode}. */
    public static List<TunnelAttributes.Raw> tunnel(RadiusPacket<?> packet) {
        return packet.getAttributes().stream()
                .filter(a -> a.getVendorId() == RadiusDictionary.STANDARD && TunnelAttributes.isTunnelType(a.getType()))
                .map(a -> new TunnelAttributes.Raw(a.getType(), rawValue(a))).toList();
    }

    /** Tunnel attributes from {@link TunnelAttributes#encode} as TinyRadius attributes. */
    public static List<RadiusAttribute> fromTunnel(List<TunnelAttributes.Raw> raw) {
        return raw.stream().map(r -> raw(r.type(), r.value())).toList();
    }

    private static AttributeTemplate template(String name) {
        return RadiusDictionary.INSTANCE.getAttributeTemplate(name)
                .orElseThrow(() -> new IllegalArgumentException("no RADIUS attribute " + name + " in the dictionary"));
    }
}
