package net.vpdn.aaa.radius;

import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;
import org.tinyradius.core.RadiusPacketException;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.dictionary.Dictionary;
import org.tinyradius.core.packet.PacketType;
import org.tinyradius.core.packet.RadiusPacket;
import org.tinyradius.core.packet.request.RadiusRequest;
import org.tinyradius.core.packet.response.RadiusResponse;
import org.tinyradius.core.packet.util.MessageAuthSupport;

/**
 * The adapter between our RADIUS code and TinyRadius's packets: TinyRadius parses, serialises,
 * hides User-Password and computes the MD5 authenticators and the HMAC-MD5 Message-Authenticator;
 * this class adds what it lacks. Decoding is total ({@link DecodeResult.Malformed} with a reason,
 * never an exception: every TinyRadius call that can throw is caught here). Every packet we send
 * carries a Message-Authenticator placed FIRST (TinyRadius appends it last), as the Blast-RADIUS
 * (CVE-2024-3596) mitigation recommends; replies to Access-Requests must carry a valid one
 * (RFC 3579 §3.2), which TinyRadius does not require. The Request Authenticator of an
 * Access-Request is ours (injected randomness), handed to TinyRadius in the header it encodes.
 */
public final class RadiusWire {
    /** Header: code, identifier, length (2), authenticator (16), RFC 2865 §3. */
    public static final int HEADER_LENGTH = 20;
    /** Largest packet, RFC 2865 §3. */
    public static final int MAX_PACKET_LENGTH = 4096;
    static final int USER_PASSWORD = 2;
    static final int MESSAGE_AUTHENTICATOR = 80;
    private static final byte[] ZERO16 = new byte[16];
    private static final Dictionary D = RadiusDictionary.INSTANCE;
    /** Request codes (RFC 2865/2866, RFC 5176 §2.3); parsed with TinyRadius's request classes. */
    private static final Set<Integer> REQUESTS = Set.of(1, 4, 40, 43);
    /** Reply codes; parsed with its response classes. */
    private static final Set<Integer> REPLIES = Set.of(2, 3, 5, 11, 41, 42, 44, 45);

    private RadiusWire() {
    }

    /** A request ready to send, with its Request Authenticator (needed to check the reply). */
    public record SignedRequest(byte[] bytes, Octets authenticator) { }

    /**
     * An Access-Request: {@code randomAuthenticator} (from our injected random source) is the
     * Request Authenticator; {@code userPassword}, when not null, is hidden by TinyRadius as
     * User-Password (RFC 2865 §5.2) under it.
     */
    public static SignedRequest accessRequest(int identifier, List<RadiusAttribute> attributes, Secret userPassword,
                                              Secret secret, byte[] randomAuthenticator) {
        List<RadiusAttribute> all = new ArrayList<>(attributes);
        if (userPassword != null) {
            all.add(D.createAttribute(RadiusDictionary.STANDARD, USER_PASSWORD, userPassword.utf8()));
        }
        try {
            List<RadiusAttribute> hidden = create(PacketType.ACCESS_REQUEST, identifier, randomAuthenticator, all)
                    .encodeAttributes(randomAuthenticator, key(secret));
            byte[] out = sign(PacketType.ACCESS_REQUEST, identifier, hidden, secret, randomAuthenticator, false);
            return new SignedRequest(out, Octets.of(randomAuthenticator));
        } catch (RadiusPacketException e) {
            throw new IllegalArgumentException("cannot encode Access-Request: " + e.getMessage(), e);
        }
    }

    /**
     * An Accounting-Request (RFC 2866 §3), Disconnect- or CoA-Request (RFC 5176 §3): the
     * Message-Authenticator over a zero authenticator, then the Request Authenticator as TinyRadius's
     * MD5 over the packet.
     */
    public static SignedRequest hashedRequest(int code, int identifier, List<RadiusAttribute> attributes, Secret secret) {
        byte[] out = sign((byte) code, identifier, attributes, secret, ZERO16, true);
        return new SignedRequest(out, Octets.of(out, 4, 16));
    }

    /** A reply to a request whose authenticator was {@code requestAuthenticator} (RFC 2865 §3). */
    public static byte[] reply(int code, int identifier, List<RadiusAttribute> attributes, Secret secret, Octets requestAuthenticator) {
        return sign((byte) code, identifier, attributes, secret, requestAuthenticator.toArray(), true);
    }

    /**
     * TinyRadius builds the packet with a zero Message-Authenticator first and computes its HMAC
     * ({@code authForMac} in the header); then, if {@code hashed}, the MD5 authenticator over the result.
     */
    private static byte[] sign(byte code, int id, List<RadiusAttribute> attributes, Secret secret, byte[] authForMac, boolean hashed) {
        List<RadiusAttribute> attrs = new ArrayList<>(attributes.size() + 1);
        attrs.add(D.createAttribute(RadiusDictionary.STANDARD, MESSAGE_AUTHENTICATOR, ZERO16));
        attributes.stream().filter(a -> !isMessageAuthenticator(a)).forEach(attrs::add);
        try {
            byte[] mac = messageAuthenticator(create(code, id, authForMac, attrs), authForMac, secret);
            attrs.set(0, D.createAttribute(RadiusDictionary.STANDARD, MESSAGE_AUTHENTICATOR, mac));
            RadiusPacket<?> packet = create(code, id, authForMac, attrs);
            return hashed ? create(code, id, packet.genHashedAuth(key(secret), authForMac), attrs).toBytes() : packet.toBytes();
        } catch (RadiusPacketException e) {
            throw new IllegalArgumentException("cannot encode RADIUS packet code " + (code & 0xFF) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses one datagram (syntax only). The header is checked here, so that each problem has its
     * own reason; octets past the Length field are padding (RFC 2865 §3) and are not given to
     * TinyRadius, which would refuse them. Whatever TinyRadius throws on the attributes is
     * {@link DropReason#TRUNCATED_ATTRIBUTE}.
     */
    public static DecodeResult decode(byte[] datagram) {
        if (datagram.length < HEADER_LENGTH) {
            return malformed(DropReason.TOO_SHORT, "datagram of " + datagram.length + " octets, header needs 20");
        }
        int length = ((datagram[2] & 0xFF) << 8) | (datagram[3] & 0xFF);
        if (length < HEADER_LENGTH || length > MAX_PACKET_LENGTH || length > datagram.length) {
            return malformed(DropReason.BAD_LENGTH, "Length field " + length + " with " + datagram.length + " octets received");
        }
        int code = datagram[0] & 0xFF;
        if (!REQUESTS.contains(code) && !REPLIES.contains(code)) {
            return malformed(DropReason.UNKNOWN_CODE, "code " + code);
        }
        byte[] exact = length == datagram.length ? datagram : Arrays.copyOf(datagram, length);
        try {
            RadiusPacket<?> packet = REQUESTS.contains(code)
                    ? RadiusRequest.fromByteBuf(D, Unpooled.wrappedBuffer(exact))
                    : RadiusResponse.fromByteBuf(D, Unpooled.wrappedBuffer(exact));
            if (packet.getAttributes().stream().anyMatch(a -> a.getType() == 0)) {
                return malformed(DropReason.TRUNCATED_ATTRIBUTE, "attribute type 0");
            }
            return new DecodeResult.Decoded(packet);
        } catch (RadiusPacketException | RuntimeException e) {
            return malformed(DropReason.TRUNCATED_ATTRIBUTE, "attributes unparsable: " + e.getMessage());
        }
    }

    /**
     * Verifies a reply against the request it answers: the Response Authenticator, and the
     * Message-Authenticator ({@code requireMessageAuthenticator}: absent is an error).
     */
    public static DecodeResult verifyReply(byte[] datagram, Octets requestAuthenticator, Secret secret,
                                           boolean requireMessageAuthenticator) {
        return verify(datagram, requestAuthenticator.toArray(), secret, requireMessageAuthenticator, "Response");
    }

    /**
     * Verifies a received Accounting-, Disconnect- or CoA-Request (RFC 5176 §3): the Request
     * Authenticator, and the Message-Authenticator computed over a zero authenticator.
     */
    public static DecodeResult verifyHashedRequest(byte[] datagram, Secret secret, boolean requireMessageAuthenticator) {
        return verify(datagram, ZERO16, secret, requireMessageAuthenticator, "Request");
    }

    private static DecodeResult verify(byte[] datagram, byte[] authForHash, Secret secret, boolean requireMa, String which) {
        DecodeResult decoded = decode(datagram);
        if (!(decoded instanceof DecodeResult.Decoded d)) {
            return decoded;
        }
        // Checked over the octets received; decode() has validated the header and its Length.
        int length = ((datagram[2] & 0xFF) << 8) | (datagram[3] & 0xFF);
        if (!RawAuthenticators.authenticatorMatches(datagram, length, authForHash, secret.utf8())) {
            return malformed(DropReason.BAD_AUTHENTICATOR, which + " Authenticator does not match the shared secret");
        }
        return checkMessageAuthenticator(d, datagram, length, authForHash, secret, requireMa);
    }

    private static DecodeResult checkMessageAuthenticator(DecodeResult.Decoded d, byte[] datagram, int length,
                                                          byte[] authForMac, Secret secret, boolean required) {
        List<RadiusAttribute> found = d.packet().filterAttributes(MESSAGE_AUTHENTICATOR);
        if (found.isEmpty()) {
            return required ? malformed(DropReason.MISSING_MESSAGE_AUTHENTICATOR, "no Message-Authenticator in code " + d.code()) : d;
        }
        if (found.size() > 1) {
            return malformed(DropReason.BAD_MESSAGE_AUTHENTICATOR, found.size() + " Message-Authenticator attributes");
        }
        byte[] received = found.getFirst().getValue();
        if (received.length != 16) {
            return malformed(DropReason.BAD_MESSAGE_AUTHENTICATOR, "Message-Authenticator length " + (received.length + 2) + ", must be 18");
        }
        if (!RawAuthenticators.messageAuthenticatorMatches(datagram, length, authForMac, secret.utf8())) {
            return malformed(DropReason.BAD_MESSAGE_AUTHENTICATOR, "Message-Authenticator does not verify");
        }
        return d;
    }

    /** TinyRadius's HMAC-MD5 over the packet with {@code authenticator} in the header and a zeroed Message-Authenticator. */
    private static byte[] messageAuthenticator(RadiusPacket<?> packet, byte[] authenticator, Secret secret) {
        return MessageAuthSupport.getHmacMd5(key(secret)).doFinal(MessageAuthSupport.calcMessageAuthInput(packet, authenticator));
    }

    private static RadiusPacket<?> create(byte code, int id, byte[] authenticator, List<RadiusAttribute> attrs) throws RadiusPacketException {
        return REQUESTS.contains(code & 0xFF)
                ? RadiusRequest.create(D, code, (byte) id, authenticator, attrs)
                : RadiusResponse.create(D, code, (byte) id, authenticator, attrs);
    }

    private static boolean isMessageAuthenticator(RadiusAttribute a) {
        return a.getVendorId() == RadiusDictionary.STANDARD && a.getType() == MESSAGE_AUTHENTICATOR;
    }

    /** TinyRadius takes shared secrets as strings (its API); ours are UTF-8. */
    private static String key(Secret secret) {
        return secret.text();
    }

    private static DecodeResult malformed(DropReason reason, String detail) {
        return new DecodeResult.Malformed(reason, detail);
    }
}
