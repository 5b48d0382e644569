package net.vpdn.config;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;

/** Binds {@code virtual-templates}, {@code ip-pools} and {@code local-users} entries. */
final class PppBinder {
    private PppBinder() {
    }

    static VirtualTemplate virtualTemplate(Section s) {
        List<AuthProtocol> protocols = s.has("auth-protocols")
                ? s.list("auth-protocols", Values.oneOf(AuthProtocol.values(), AuthProtocol::configName))
                : List.of(AuthProtocol.CHAP);
        if (protocols.isEmpty()) {
            s.error("auth-protocols", "must name at least one protocol (pap, chap, mschapv2)");
        } else if (protocols.stream().distinct().count() < protocols.size()) {
            s.error("auth-protocols", "names a protocol twice");
        }
        List<Inet4Address> dns = s.list("dns", Values::ipv4);
        if (dns.size() > 2) {
            s.error("dns", "IPCP offers a primary and a secondary server only (RFC 1877), got " + dns.size());
        }
        return new VirtualTemplate(
                s.required("name", "", Values::name),
                s.required("local-address", Defaults.UNSPECIFIED, Values::ipv4),
                s.required("peer-pool", "", Values::name),
                protocols,
                s.get("mru", Defaults.MRU_BYTES, Values.integer(576, 9000)),
                s.get("keepalive-interval", Defaults.KEEPALIVE_INTERVAL, Values::duration),
                s.get("keepalive-retries", Defaults.KEEPALIVE_RETRIES, Values.integer(1, 100)),
                dns,
                s.get("idle-timeout", Duration.ZERO, Values::duration),
                s.get("session-timeout", Duration.ZERO, Values::duration));
    }

    /** The pool; on a structural error, a placeholder {@code 0.0.0.0} pool that cross-checks skip. */
    static IpPool ipPool(Section s) {
        String name = s.required("name", "", Values::name);
        boolean cidr = s.has("cidr");
        boolean range = s.has("first") || s.has("last");
        if (cidr && range) {
            s.error("cidr", "give either cidr or first and last, not both");
        } else if (cidr) {
            return s.optional("cidr", Values::cidr).map(c -> IpPool.ofCidr(name, c.network(), c.prefixLength()))
                    .orElse(placeholder(name));
        } else if (range) {
            Inet4Address first = s.required("first", Defaults.UNSPECIFIED, Values::ipv4);
            Inet4Address last = s.required("last", Defaults.UNSPECIFIED, Values::ipv4);
            if (IpPool.toLong(first) <= IpPool.toLong(last)) {
                return new IpPool(name, first, last);
            }
            s.error("last", "is below first");
        } else {
            s.errorHere("needs cidr, or first and last");
        }
        return placeholder(name);
    }

    static LocalUser localUser(Section s) {
        return new LocalUser(
                s.required("name", "", Values::userName),
                ConfigBinder.requiredSecret(s, "password"),
                s.optional("static-address", Values::ipv4),
                s.get("session-limit", 0, Values.integer(0, 1000)));
    }

    static boolean isPlaceholder(IpPool pool) {
        return IpPool.toLong(pool.first()) == 0 && IpPool.toLong(pool.last()) == 0;
    }

    private static IpPool placeholder(String name) {
        return new IpPool(name, Defaults.UNSPECIFIED, Defaults.UNSPECIFIED);
    }
}
