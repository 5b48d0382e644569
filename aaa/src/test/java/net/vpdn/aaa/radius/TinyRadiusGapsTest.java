package net.vpdn.aaa.radius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.vpdn.aaa.tunnel.Tagged;
import net.vpdn.aaa.tunnel.TunnelAttributes;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;
import org.tinyradius.core.RadiusPacketException;
import org.tinyradius.core.attribute.AttributeTemplate;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.dictionary.MemoryDictionary;
import org.tinyradius.core.packet.PacketType;
import org.tinyradius.core.packet.request.RadiusRequest;
import org.tinyradius.core.packet.response.RadiusResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The evidence behind each piece we keep on top of TinyRadius 1.5.12: what it does, checked against
 * our code, and what it gets wrong. If a TinyRadius upgrade fixes a gap, the matching test here fails
 * and tells us which piece of ours can go.
 */
@DisplayName("TinyRadius 1.5.12: what we use and what we add")
class TinyRadiusGapsTest {
    static final Octets R = Octets.fromHex("101112131415161718191a1b1c1d1e1f");

    static RadiusAttribute parse(AttributeTemplate t, byte... wire) {
        return t.parse(RadiusDictionary.INSTANCE, Unpooled.wrappedBuffer(wire));
    }

    @Nested
    @DisplayName("dictionary")
    class Dictionary {
        @Test
        @DisplayName("our additions load on top of the default dictionary, which keeps its own entries")
        void layered() {
            assertThat(RadiusDictionary.INSTANCE.getAttributeTemplate("User-Password")).isPresent();
            assertThat(RadiusDictionary.INSTANCE.getAttributeTemplate("Tunnel-Server-Endpoint")).hasValueSatisfying(t -> {
                assertThat(t.getType()).isEqualTo(67);
                assertThat(t.isTagged()).as("the tag is ours, not TinyRadius's").isFalse();
            });
            assertThat(RadiusDictionary.INSTANCE.getAttributeTemplate(RadiusDictionary.MICROSOFT, 26)).hasValueSatisfying(
                    t -> assertThat(t.getName()).isEqualTo("MS-CHAP2-Success"));
        }
    }

    @Nested
    @DisplayName("RFC 2868 tags")
    class Tags {
        @Test
        @DisplayName("TinyRadius's has_tag reads an untagged \"192.0.2.1\" as tag 0x31 and \"92.0.2.1\"; RFC 2868 §3 says it is data")
        void untaggedStringMisread() {
            AttributeTemplate hasTag = new AttributeTemplate(-1, 67, "Tunnel-Server-Endpoint", "string", (byte) 0, true);
            byte[] wire = {67, 11, '1', '9', '2', '.', '0', '.', '2', '.', '1'};
            RadiusAttribute theirs = hasTag.parse(new MemoryDictionary().addAttributeTemplate(hasTag), Unpooled.wrappedBuffer(wire));
            assertThat(theirs.getTag()).contains((byte) 0x31);
            assertThat(new String(theirs.getValue(), StandardCharsets.US_ASCII)).isEqualTo("92.0.2.1");

            RadiusAttribute ours = parse(RadiusDictionary.INSTANCE.getAttributeTemplate(67).orElseThrow(), wire);
            Tagged.Value v = Tagged.optionalTagString(Attributes.rawValue(ours));
            assertThat(v.tag()).isZero();
            assertThat(new String(v.value().toArray(), StandardCharsets.US_ASCII)).isEqualTo("192.0.2.1");
        }
    }

    @Nested
    @DisplayName("Tunnel-Password (RFC 2868 §3.5)")
    class TunnelPasswords {
        /** The hand-worked one-block vector of TunnelPasswordTest: tag 1, salt 0x8123, "t0psecret", secret xyzzy5461. */
        static final byte[] ONE_BLOCK = Octets.fromHex("4515" + "01" + "8123" + "8396352b6aac8f0c0dc1e50dc3dd87ed").toArray();

        @Test
        @DisplayName("its decryption agrees with ours on the worked vector (a cross-check of our TunnelPassword)")
        void agreesOnVector() throws RadiusPacketException {
            RadiusAttribute a = parse(RadiusDictionary.INSTANCE.getAttributeTemplate(69).orElseThrow(), ONE_BLOCK)
                    .decode(R.toArray(), "xyzzy5461");
            assertThat(a.getTag()).contains((byte) 1);
            assertThat(new String(a.getValue(), StandardCharsets.US_ASCII)).isEqualTo("t0psecret");
        }

        @Test
        @DisplayName("but it throws on a malformed value, with no reason we could count, so ours decrypts")
        void notTotal() {
            byte[] unaligned = Octets.fromHex("4516" + "01" + "8123" + "00".repeat(17)).toArray();
            AttributeTemplate t = RadiusDictionary.INSTANCE.getAttributeTemplate(69).orElseThrow();
            assertThatThrownBy(() -> parse(t, unaligned).decode(R.toArray(), "xyzzy5461")).isInstanceOf(RadiusPacketException.class);
            assertThat(net.vpdn.aaa.tunnel.TunnelPassword.decrypt(Octets.of(unaligned, 2, unaligned.length - 2), Secret.of("xyzzy5461"), R))
                    .isInstanceOf(net.vpdn.aaa.tunnel.TunnelPassword.Result.Failed.class);
        }

        @Test
        @DisplayName("a Tunnel-Password given as raw value keeps tag and ciphertext through TinyRadius's attribute")
        void rawRoundTrip() {
            Octets value = Octets.of(ONE_BLOCK, 2, ONE_BLOCK.length - 2);
            assertThat(Attributes.rawValue(Attributes.raw(TunnelAttributes.TUNNEL_PASSWORD, value))).isEqualTo(value);
        }
    }

    @Nested
    @DisplayName("decoding and verification")
    class Decoding {
        @Test
        @DisplayName("its decoder throws on an attribute running past the packet; RadiusWire.decode gives a reason")
        void throwsOnTruncation() {
            byte[] b = {2, 1, 0, 23, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 9, 0x41};
            assertThatThrownBy(() -> RadiusResponse.fromByteBuf(RadiusDictionary.INSTANCE, Unpooled.wrappedBuffer(b)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(RadiusWire.decode(b)).isEqualTo(new DecodeResult.Malformed(DropReason.TRUNCATED_ATTRIBUTE,
                    ((DecodeResult.Malformed) RadiusWire.decode(b)).detail()));
        }

        @Test
        @DisplayName("it accepts an Access-Accept without Message-Authenticator (Blast-RADIUS); RadiusWire refuses it")
        void acceptsMissingMessageAuthenticator() throws RadiusPacketException {
            byte[] unsigned = RadiusWireTest.unsignedReply();
            RadiusResponse theirs = RadiusResponse.fromByteBuf(RadiusDictionary.INSTANCE, Unpooled.wrappedBuffer(unsigned));
            assertThat(theirs.decodeResponse("s3cret", RadiusWireTest.REQ_AUTH.toArray())).isNotNull();
            assertThat(RadiusWire.verifyReply(unsigned, RadiusWireTest.REQ_AUTH, RadiusWireTest.SECRET, true))
                    .isInstanceOfSatisfying(DecodeResult.Malformed.class,
                            m -> assertThat(m.reason()).isEqualTo(DropReason.MISSING_MESSAGE_AUTHENTICATOR));
        }
    }

    @Nested
    @DisplayName("Access-Request encoding")
    class Requests {
        @Test
        @DisplayName("its encodeRequest keeps an authenticator we put in the header, but appends Message-Authenticator last")
        void authenticatorKeptMacLast() throws RadiusPacketException {
            byte[] auth = R.toArray();
            RadiusRequest r = RadiusRequest.create(RadiusDictionary.INSTANCE, PacketType.ACCESS_REQUEST, (byte) 1, auth,
                    List.of(Attributes.text("User-Name", "u"), Attributes.octets("User-Password", "p".getBytes(StandardCharsets.UTF_8))))
                    .encodeRequest("k");
            assertThat(r.getAuthenticator()).isEqualTo(auth);
            assertThat(r.getAttributes().getLast().getType()).isEqualTo(80);

            byte[] ours = RadiusWire.accessRequest(1, List.of(Attributes.text("User-Name", "u")), Secret.of("p"), Secret.of("k"), auth).bytes();
            assertThat(Octets.of(ours, 4, 16)).isEqualTo(R);
            assertThat(ours[20]).as("Message-Authenticator first").isEqualTo((byte) 80);
            // same User-Password hiding (TinyRadius's, RFC 2865 §5.2) in both
            assertThat(Attributes.first(decodedRequest(ours), "User-Password"))
                    .contains(Attributes.rawValue(r.getAttribute("User-Password").orElseThrow()));
        }

        private static org.tinyradius.core.packet.RadiusPacket<?> decodedRequest(byte[] bytes) {
            return ((DecodeResult.Decoded) RadiusWire.decode(bytes)).packet();
        }
    }
}
