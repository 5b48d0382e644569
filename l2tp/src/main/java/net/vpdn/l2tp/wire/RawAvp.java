package net.vpdn.l2tp.wire;

/**
 * One AVP as it stands on the wire, RFC 2661 §4.1: flags, vendor, type and the value octets
 * (still ciphered when {@code hidden}). The syntax layer produces these; typing and unhiding
 * happen later, once the tunnel (and so the shared secret) is known.
 */
public record RawAvp(boolean mandatory, boolean hidden, int vendorId, int attributeType, Bytes value) {
}
