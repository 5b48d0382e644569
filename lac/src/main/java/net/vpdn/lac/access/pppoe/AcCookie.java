package net.vpdn.lac.access.pppoe;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AC-Cookie (RFC 2516 §5.2, Appendix A): HMAC-SHA-256 under the AC's secret over the client's
 * MAC address and VLAN, cut to 16 octets. The AC keeps no state between PADO and PADR: a PADR whose
 * cookie is not the one for its source MAC was not answering our PADO (a spoofed or replayed PADR
 * from another station), and is ignored. One instance per loop: {@link Mac} is not thread-safe.
 */
public final class AcCookie {
    public static final int LENGTH = 16;
    private final Mac hmac;

    public AcCookie(byte[] secret) {
        try {
            hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public byte[] of(long clientMac, int vlan) {
        byte[] in = new byte[8];
        for (int i = 0; i < 6; i++) in[i] = (byte) (clientMac >>> (40 - 8 * i));
        in[6] = (byte) (vlan >>> 8);
        in[7] = (byte) vlan;
        byte[] full = hmac.doFinal(in);
        byte[] out = new byte[LENGTH];
        System.arraycopy(full, 0, out, 0, LENGTH);
        return out;
    }

    /** Constant-time check of a received cookie. */
    public boolean matches(byte[] cookie, long clientMac, int vlan) {
        return MessageDigest.isEqual(cookie, of(clientMac, vlan));
    }

    @Override
    public String toString() {
        return "AcCookie[HmacSHA256]";
    }
}
