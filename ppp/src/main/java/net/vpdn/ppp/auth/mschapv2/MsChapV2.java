package net.vpdn.ppp.auth.mschapv2;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import net.vpdn.ppp.auth.Md4;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;

/**
 * The MS-CHAPv2 functions of RFC 2759 §8: NT-Response and the authenticator response that
 * lets the peer authenticate the server. MPPE key derivation (RFC 3079) is not here yet.
 */
public final class MsChapV2 {
    private static final byte[] MAGIC1 = "Magic server to client signing constant".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC2 = "Pad to make it do more than one iteration".getBytes(StandardCharsets.US_ASCII);

    private MsChapV2() {
    }

    /** §8.1 GenerateNTResponse: the 24-octet NT-Response. */
    public static Octets ntResponse(Octets authenticatorChallenge, Octets peerChallenge, String userName, Secret password) {
        byte[] challenge = challengeHash(peerChallenge, authenticatorChallenge, userName);
        return Octets.of(challengeResponse(challenge, ntPasswordHash(password)));
    }

    /** §8.7 GenerateAuthenticatorResponse: "S=" and 40 upper-case hex digits. */
    public static String authenticatorResponse(Secret password, Octets ntResponse, Octets peerChallenge,
                                               Octets authenticatorChallenge, String userName) {
        return authenticatorResponseFromHash(ntPasswordHash(password), ntResponse, peerChallenge, authenticatorChallenge, userName);
    }

    /** As {@link #authenticatorResponse} from the NT password hash, as a RADIUS-free local verifier holds it. */
    public static String authenticatorResponseFromHash(byte[] passwordHash, Octets ntResponse, Octets peerChallenge,
                                                       Octets authenticatorChallenge, String userName) {
        MessageDigest sha1 = sha1();
        sha1.update(md4(passwordHash));
        sha1.update(ntResponse.toArray());
        sha1.update(MAGIC1);
        byte[] digest = sha1.digest();
        byte[] challenge = challengeHash(peerChallenge, authenticatorChallenge, userName);
        sha1.update(digest);
        sha1.update(challenge);
        sha1.update(MAGIC2);
        return "S=" + HexFormat.of().withUpperCase().formatHex(sha1.digest());
    }

    /** Checks a peer's NT-Response in constant time. */
    public static boolean verify(Octets authenticatorChallenge, Octets peerChallenge, String userName, Secret password,
                                 Octets ntResponse) {
        return MessageDigest.isEqual(ntResponse(authenticatorChallenge, peerChallenge, userName, password).toArray(),
                ntResponse.toArray());
    }

    /** §8.3 NtPasswordHash: MD4 of the UTF-16LE password. */
    public static byte[] ntPasswordHash(Secret password) {
        return md4(password.text().getBytes(StandardCharsets.UTF_16LE));
    }

    /** §8.4 HashNtPasswordHash. */
    public static byte[] hashNtPasswordHash(byte[] passwordHash) {
        return md4(passwordHash);
    }

    /**
     * §8.2 ChallengeHash: the first 8 octets of SHA-1(peer challenge, authenticator challenge,
     * user name). The RFC says the user name excludes any prepended domain ("DOMAIN\\user").
     */
    static byte[] challengeHash(Octets peerChallenge, Octets authenticatorChallenge, String userName) {
        int slash = userName.lastIndexOf('\\');
        String bare = slash < 0 ? userName : userName.substring(slash + 1);
        MessageDigest sha1 = sha1();
        sha1.update(peerChallenge.toArray());
        sha1.update(authenticatorChallenge.toArray());
        sha1.update(bare.getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(sha1.digest(), 8);
    }

    /** §8.5 ChallengeResponse: three DES encryptions keyed by the zero-padded 21-octet hash. */
    static byte[] challengeResponse(byte[] challenge, byte[] passwordHash) {
        byte[] zHash = Arrays.copyOf(passwordHash, 21);
        byte[] out = new byte[24];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(desEncrypt(challenge, Arrays.copyOfRange(zHash, 7 * i, 7 * i + 7)), 0, out, 8 * i, 8);
        }
        return out;
    }

    /** §8.6 DesEncrypt: the 56-bit key spread over 8 octets, parity bits left clear (DES ignores them). */
    private static byte[] desEncrypt(byte[] clear, byte[] key7) {
        byte[] key = new byte[8];
        long bits = 0;
        for (byte b : key7) {
            bits = (bits << 8) | (b & 0xFF);
        }
        for (int i = 0; i < 8; i++) {
            key[i] = (byte) (((bits >>> (49 - 7 * i)) & 0x7F) << 1);
        }
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(clear);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DES/ECB is required for MS-CHAPv2", e);
        }
    }

    private static byte[] md4(byte[] data) {
        return Md4.digest(data);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK must provide SHA-1", e);
        }
    }
}
