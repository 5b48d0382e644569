package net.vpdn.lns.uplink;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.vpdn.config.IpPool;

/**
 * The host commands that make the TUN uplink carry the pools: the link up with its MTU, and one
 * {@code ip route replace PREFIX dev TUN} per CIDR block of each pool's range (the fewest blocks that
 * cover first..last exactly). Pure: the LNS logs them, and runs them when told to.
 */
public final class RoutePlan {
    private RoutePlan() {
    }

    /** The commands as argv lists, prefixed with {@code ip -n NETNS} when a namespace is named. */
    public static List<List<String>> commands(String device, int mtu, Optional<String> netns, List<IpPool> pools) {
        List<List<String>> out = new ArrayList<>();
        out.add(ip(netns, "link", "set", "dev", device, "up", "mtu", Integer.toString(mtu)));
        for (IpPool p : pools) {
            for (String prefix : prefixes(p.first(), p.last())) out.add(ip(netns, "route", "replace", prefix, "dev", device));
        }
        return out;
    }

    /** The CIDR blocks covering {@code first..last} exactly, in order. */
    public static List<String> prefixes(Inet4Address first, Inet4Address last) {
        long from = bits(first);
        long to = bits(last);
        List<String> out = new ArrayList<>();
        while (from <= to) {
            int size = from == 0 ? 32 : Long.numberOfTrailingZeros(from);
            while (size > 0 && from + (1L << size) - 1 > to) size--;
            out.add(text(from) + "/" + (32 - size));
            from += 1L << size;
        }
        return out;
    }

    private static List<String> ip(Optional<String> netns, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        netns.ifPresent(n -> cmd.addAll(List.of("-n", n)));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static long bits(Inet4Address a) {
        byte[] b = a.getAddress();
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    }

    private static String text(long v) {
        return ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
    }
}
