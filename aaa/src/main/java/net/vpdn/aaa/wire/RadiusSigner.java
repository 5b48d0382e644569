package net.vpdn.aaa.wire;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;

/**
 * Authenticators and Message-Authenticator: signing what we send and verifying what we receive.
 * Every request and reply we send carries a Message-Authenticator (RFC 3579 §3.2), placed first
 * as the Blast-RADIUS (CVE-2024-3596) mitigation recommends.
 */
public final class RadiusSigner {
    private static final byte[] ZERO16 = new byte[16];

    private RadiusSigner() {
    }

    /** A request ready to send, with its Request Authenticator (needed to check the reply). */
    public record SignedRequest(byte[] bytes, Octets authenticator) { }

    /**
     * Signs an Access-Request: {@code randomAuthenticator} is the Request Authenticator (RFC 2865
     * §3), {@code userPassword}, when present, is hidden as User-Password (§5.2).
     */
    public static SignedRequest accessRequest(int identifier, List<RadiusAttribute> attributes, Secret userPassword,
                                              Secret secret, byte[] randomAuthenticator) {
        List<RadiusAttribute> attrs = withMessageAuthenticator(attributes);
        if (userPassword != null) {
            attrs.add(new RadiusAttribute(Attr.USER_PASSWORD,
                    Octets.of(UserPassword.hide(userPassword.utf8(), secret, randomAuthenticator))));
        }
        byte[] out = RadiusCodec.encode(new RadiusPacket(RadiusCode.ACCESS_REQUEST, identifier, Octets.of(randomAuthenticator), attrs));
        fillMessageAuthenticator(out, secret, randomAuthenticator);
        return new SignedRequest(out, Octets.of(randomAuthenticator));
    }

    /**
     * Signs an Accounting-Request (RFC 2866 §3), Disconnect-Request or CoA-Request (RFC 5176 §3):
     * Message-Authenticator over the packet with a zero authenticator, then the Request
     * Authenticator as MD5(packet with zero authenticator + secret).
     */
    public static SignedRequest hashedRequest(RadiusCode code, int identifier, List<RadiusAttribute> attributes, Secret secret) {
        byte[] out = RadiusCodec.encode(new RadiusPacket(code, identifier, Octets.of(ZERO16), withMessageAuthenticator(attributes)));
        fillMessageAuthenticator(out, secret, ZERO16);
        byte[] auth = md5(out, secret);
        System.arraycopy(auth, 0, out, 4, 16);
        return new SignedRequest(out, Octets.of(auth));
    }

    /** Signs a reply to a request whose authenticator was {@code requestAuthenticator} (RFC 2865 §3). */
    public static byte[] reply(RadiusCode code, int identifier, List<RadiusAttribute> attributes, Secret secret,
                               Octets requestAuthenticator) {
        byte[] reqAuth = requestAuthenticator.toArray();
        byte[] out = RadiusCodec.encode(new RadiusPacket(code, identifier, requestAuthenticator, withMessageAuthenticator(attributes)));
        fillMessageAuthenticator(out, secret, reqAuth);
        byte[] auth = md5(out, secret);
        System.arraycopy(auth, 0, out, 4, 16);
        return out;
    }

    /**
     * Verifies a reply against the request it answers: the Response Authenticator and the
     * Message-Authenticator ({@code requireMessageAuthenticator}: absent is an error).
     */
    public static DecodeResult verifyReply(byte[] datagram, Octets requestAuthenticator, Secret secret,
                                           boolean requireMessageAuthenticator) {
        DecodeResult decoded = RadiusCodec.decode(datagram);
        if (!(decoded instanceof DecodeResult.Decoded d)) {
            return decoded;
        }
        int length = packetLength(datagram);
        byte[] copy = java.util.Arrays.copyOf(datagram, length);
        requestAuthenticator.copyTo(copy, 4);
        if (!MessageDigest.isEqual(md5(copy, secret), d.packet().authenticator().toArray())) {
            return new DecodeResult.Malformed(DropReason.BAD_AUTHENTICATOR, "Response Authenticator does not match the shared secret");
        }
        return checkMessageAuthenticator(copy, d, secret, requireMessageAuthenticator);
    }

    /**
     * Verifies a received Accounting-, Disconnect- or CoA-Request (RFC 5176 §3): the Request
     * Authenticator, and the Message-Authenticator computed over a zero authenticator.
     */
    public static DecodeResult verifyHashedRequest(byte[] datagram, Secret secret, boolean requireMessageAuthenticator) {
        DecodeResult decoded = RadiusCodec.decode(datagram);
        if (!(decoded instanceof DecodeResult.Decoded d)) {
            return decoded;
        }
        byte[] copy = java.util.Arrays.copyOf(datagram, packetLength(datagram));
        System.arraycopy(ZERO16, 0, copy, 4, 16);
        if (!MessageDigest.isEqual(md5(copy, secret), d.packet().authenticator().toArray())) {
            return new DecodeResult.Malformed(DropReason.BAD_AUTHENTICATOR, "Request Authenticator does not match the shared secret");
        }
        return checkMessageAuthenticator(copy, d, secret, requireMessageAuthenticator);
    }

    private static DecodeResult checkMessageAuthenticator(byte[] copy, DecodeResult.Decoded d, Secret secret, boolean required) {
        List<Integer> offsets = RadiusCodec.messageAuthenticatorOffsets(copy, copy.length);
        if (offsets.isEmpty()) {
            return required
                    ? new DecodeResult.Malformed(DropReason.MISSING_MESSAGE_AUTHENTICATOR, "no Message-Authenticator in " + d.packet().code())
                    : d;
        }
        if (offsets.size() > 1) {
            return new DecodeResult.Malformed(DropReason.BAD_MESSAGE_AUTHENTICATOR, offsets.size() + " Message-Authenticator attributes");
        }
        int at = offsets.getFirst();
        if ((copy[at + 1] & 0xFF) != 18) {
            return new DecodeResult.Malformed(DropReason.BAD_MESSAGE_AUTHENTICATOR, "Message-Authenticator length " + (copy[at + 1] & 0xFF) + ", must be 18");
        }
        byte[] received = java.util.Arrays.copyOfRange(copy, at + 2, at + 18);
        System.arraycopy(ZERO16, 0, copy, at + 2, 16);
        if (!MessageDigest.isEqual(hmacMd5(secret, copy), received)) {
            return new DecodeResult.Malformed(DropReason.BAD_MESSAGE_AUTHENTICATOR, "Message-Authenticator does not verify");
        }
        return d;
    }

    private static List<RadiusAttribute> withMessageAuthenticator(List<RadiusAttribute> attributes) {
        List<RadiusAttribute> attrs = new ArrayList<>(attributes.size() + 2);
        attrs.add(new RadiusAttribute(Attr.MESSAGE_AUTHENTICATOR, Octets.of(ZERO16)));
        for (RadiusAttribute a : attributes) {
            if (a.type() != Attr.MESSAGE_AUTHENTICATOR) {
                attrs.add(a);
            }
        }
        return attrs;
    }

    /** Computes the HMAC with {@code authenticatorForHmac} in the header and writes it into the first attribute. */
    private static void fillMessageAuthenticator(byte[] out, Secret secret, byte[] authenticatorForHmac) {
        byte[] saved = java.util.Arrays.copyOfRange(out, 4, 20);
        System.arraycopy(authenticatorForHmac, 0, out, 4, 16);
        byte[] mac = hmacMd5(secret, out);
        System.arraycopy(saved, 0, out, 4, 16);
        // withMessageAuthenticator puts it first: type at 20, length at 21, value at 22
        System.arraycopy(mac, 0, out, RadiusCodec.HEADER_LENGTH + 2, 16);
    }

    private static int packetLength(byte[] datagram) {
        return ((datagram[2] & 0xFF) << 8) | (datagram[3] & 0xFF);
    }

    static byte[] md5(byte[] data, Secret secret) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update(data);
            md.update(secret.utf8());
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    static byte[] hmacMd5(Secret secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(secret.utf8(), "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 unavailable", e);
        }
    }
}
