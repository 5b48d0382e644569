package net.vpdn.lac.process;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.lac.select.LnsEndpoint;
import net.vpdn.lac.select.TunnelSet;

/**
 * RFC 2868 tunnel attributes (one {@link net.vpdn.aaa.tunnel.TunnelSet} per tag) as the LAC's
 * {@link TunnelSet}s. Total: a tag the LAC cannot use (not L2TP, no usable endpoint) is left out
 * with a reason rather than thrown.
 */
public final class RadiusTunnels {
    /** Tried after every set that carries a Tunnel-Preference (RFC 2868 §3.8 leaves them unordered). */
    public static final int NO_PREFERENCE = Integer.MAX_VALUE;

    private RadiusTunnels() {
    }

    /** The converted sets, or why none could be used. */
    public sealed interface Converted {
        /** At least one set; {@code skipped} says why other tags were left out. */
        record Sets(List<TunnelSet> sets, List<String> skipped) implements Converted { }

        /** No tag described a usable L2TP tunnel. */
        record None(String detail) implements Converted { }
    }

    /**
     * Converts every tag: Tunnel-Preference → preference, Tunnel-Server-Endpoint(s) → LNSs in the
     * listed order (each one a lower priority than the one before), Tunnel-Password → secret,
     * Tunnel-Client-Auth-ID → our host name (else {@code hostname}), Tunnel-Assignment-ID → group.
     */
    public static Converted convert(String key, List<net.vpdn.aaa.tunnel.TunnelSet> tags, String hostname) {
        List<TunnelSet> sets = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (net.vpdn.aaa.tunnel.TunnelSet t : tags) {
            String why = unusable(t);
            if (why != null) {
                skipped.add("tag " + t.tag() + ": " + why);
                continue;
            }
            List<LnsEndpoint> endpoints = new ArrayList<>();
            for (String e : t.serverEndpoints()) {
                Optional<InetSocketAddress> a = endpoint(e);
                if (a.isPresent()) endpoints.add(new LnsEndpoint(a.get(), endpoints.size() + 1, 1));
                else skipped.add("tag " + t.tag() + ": Tunnel-Server-Endpoint '" + e + "' is not an IP literal");
            }
            if (endpoints.isEmpty()) continue;
            String group = t.assignmentId().orElse("radius:" + key + "#" + t.tag());
            TunnelSecret secret = t.password().map(p -> TunnelSecret.ofBytes(p.utf8())).orElse(null);
            String local = t.clientAuthId().filter(s -> !s.isEmpty()).orElse(hostname);
            sets.add(new TunnelSet(t.preference().orElse(NO_PREFERENCE), group, endpoints, secret, local, 0));
        }
        if (sets.isEmpty()) {
            return new Converted.None("RADIUS gave no usable L2TP tunnel for '" + key + "'"
                    + (skipped.isEmpty() ? "" : ": " + String.join("; ", skipped)));
        }
        return new Converted.Sets(sets, skipped);
    }

    private static String unusable(net.vpdn.aaa.tunnel.TunnelSet t) {
        if (t.type() != net.vpdn.aaa.tunnel.TunnelSet.TYPE_L2TP) return "Tunnel-Type " + t.type() + " is not L2TP (3)";
        if (t.serverEndpoints().isEmpty()) return "no Tunnel-Server-Endpoint";
        return null;
    }

    /**
     * An endpoint as RADIUS servers write it: an IPv4 or IPv6 literal, optionally {@code a.b.c.d:port}
     * or {@code [v6]:port}; port 1701 otherwise. Host names are never resolved (as in the config).
     */
    static Optional<InetSocketAddress> endpoint(String text) {
        String s = text.strip();
        int port = 1701;
        String host = s;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) return Optional.empty();
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) return Optional.empty();
                port = port(rest.substring(1));
            }
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = port(s.substring(s.indexOf(':') + 1));
        }
        if (port < 1 || !isLiteral(host)) return Optional.empty();
        try {
            return Optional.of(new InetSocketAddress(InetAddress.ofLiteral(host), port));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isLiteral(String host) {
        if (host.isEmpty()) return false;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = Character.digit(c, 16) >= 0 || c == '.' || c == ':';
            if (!ok) return false;
        }
        return true;
    }

    private static int port(String digits) {
        if (digits.isEmpty() || digits.length() > 5) return -1;
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) return -1;
        }
        int p = Integer.parseInt(digits);
        return p <= 65535 ? p : -1;
    }
}
