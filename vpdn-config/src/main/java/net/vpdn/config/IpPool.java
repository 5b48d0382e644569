package net.vpdn.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A pool of IPv4 addresses handed to peers (Cisco {@code ip local pool NAME LOW HIGH}).
 * Written either as {@code cidr} (network and broadcast addresses excluded for prefixes up to /30) or as
 * {@code first}/{@code last}; both become an inclusive range here.
 *
 * @param name  unique pool name, referenced by {@code virtual-templates.N.peer-pool}
 * @param first lowest address handed out
 * @param last  highest address handed out, not below {@code first}
 */
public record IpPool(String name, Inet4Address first, Inet4Address last) {
    /** Checks the range. */
    public IpPool {
        if (toLong(first) > toLong(last)) {
            throw new IllegalArgumentException("pool " + name + ": first address above last");
        }
    }

    /** Number of addresses in the pool. */
    public long size() {
        return toLong(last) - toLong(first) + 1;
    }

    /** Whether the address lies in the pool. */
    public boolean contains(Inet4Address address) {
        long a = toLong(address);
        return a >= toLong(first) && a <= toLong(last);
    }

    /** Whether this pool shares at least one address with {@code other}. */
    public boolean overlaps(IpPool other) {
        return toLong(first) <= toLong(other.last) && toLong(other.first) <= toLong(last);
    }

    /** Whether every address of {@code other} is also in this pool (a reload may grow a pool live). */
    public boolean covers(IpPool other) {
        return toLong(first) <= toLong(other.first) && toLong(other.last) <= toLong(last);
    }

    /** The pool of usable host addresses in {@code network/prefix}. */
    public static IpPool ofCidr(String name, Inet4Address network, int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength);
        }
        long mask = prefixLength == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefixLength)) & 0xFFFF_FFFFL;
        long base = toLong(network) & mask;
        long top = base | (~mask & 0xFFFF_FFFFL);
        // /31 (RFC 3021) and /32 have no network or broadcast address to skip.
        if (prefixLength <= 30) {
            base++;
            top--;
        }
        return new IpPool(name, fromLong(base), fromLong(top));
    }

    /** The address as an unsigned 32-bit number. */
    static long toLong(Inet4Address address) {
        byte[] b = address.getAddress();
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    }

    static Inet4Address fromLong(long value) {
        byte[] b = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 bytes are always a valid address", e);
        }
    }
}
