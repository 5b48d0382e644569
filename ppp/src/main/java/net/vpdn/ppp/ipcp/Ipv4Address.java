package net.vpdn.ppp.ipcp;

import net.vpdn.ppp.wire.Octets;

/**
 * An IPv4 address as IPCP carries it (4 octets), without {@code InetAddress}'s resolver baggage.
 * 0.0.0.0 in a Configure-Request means "please assign one" (RFC 1332 §3.3, RFC 1877 §1).
 *
 * @param bits the address, big-endian in an int
 */
public record Ipv4Address(int bits) {
    /** 0.0.0.0. */
    public static final Ipv4Address ANY = new Ipv4Address(0);

    /** Parses dotted-quad text; a programmer error when malformed. */
    public static Ipv4Address of(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a dotted-quad IPv4 address: " + dotted);
        }
        int bits = 0;
        for (String p : parts) {
            int octet = Integer.parseInt(p);
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("octet " + octet + " out of range in " + dotted);
            }
            bits = (bits << 8) | octet;
        }
        return new Ipv4Address(bits);
    }

    /** The address in the first 4 octets of {@code value}. */
    public static Ipv4Address from(Octets value) {
        return new Ipv4Address((int) value.u32(0));
    }

    public boolean isAny() {
        return bits == 0;
    }

    public Octets toOctets() {
        return Octets.ofU32(bits & 0xFFFF_FFFFL);
    }

    @Override
    public String toString() {
        return (bits >>> 24) + "." + ((bits >>> 16) & 0xFF) + "." + ((bits >>> 8) & 0xFF) + "." + (bits & 0xFF);
    }
}
