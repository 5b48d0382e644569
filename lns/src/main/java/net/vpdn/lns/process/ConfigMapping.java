package net.vpdn.lns.process;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import net.vpdn.aaa.local.LocalBackend;
import net.vpdn.aaa.local.LocalSettings;
import net.vpdn.aaa.local.LocalUser;
import net.vpdn.aaa.radius.RadiusServer;
import net.vpdn.aaa.radius.RadiusSettings;
import net.vpdn.config.AuthProtocol;
import net.vpdn.config.IpPool;
import net.vpdn.config.LcpRenegotiation;
import net.vpdn.config.VpdnConfig;
import net.vpdn.config.VpdnGroup;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.vtemplate.Ipv4Pool;
import net.vpdn.vtemplate.VirtualTemplate;

/** The configuration's LNS sections as the session core's types. Pure. */
final class ConfigMapping {
    private ConfigMapping() {
    }

    static Ipv4Address ipv4(Inet4Address a) {
        byte[] b = a.getAddress();
        return new Ipv4Address(((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF));
    }

    /** The run-time template of one accept-dialin group: the config template plus the group's LCP policy and name. */
    static VirtualTemplate template(VpdnConfig config, VpdnGroup.AcceptDialin group) {
        net.vpdn.config.VirtualTemplate t = config.virtualTemplate(group.virtualTemplate()).orElseThrow();
        return new VirtualTemplate(t.name(), ipv4(t.localAddress()), t.peerPool(),
                t.authProtocols().stream().map(ConfigMapping::method).toList(), t.mruBytes(), t.keepaliveInterval(),
                t.keepaliveRetries(), t.dnsServers().stream().map(ConfigMapping::ipv4).toList(),
                t.idleTimeout(), t.sessionTimeout(), renegotiation(group.lcpRenegotiation()), group.localName());
    }

    static AuthMethod method(AuthProtocol p) {
        return switch (p) {
            case PAP -> AuthMethod.PAP;
            case CHAP -> AuthMethod.CHAP_MD5;
            case MSCHAPV2 -> AuthMethod.MSCHAP_V2;
        };
    }

    static net.vpdn.vtemplate.LcpRenegotiation renegotiation(LcpRenegotiation r) {
        return switch (r) {
            case NEVER -> net.vpdn.vtemplate.LcpRenegotiation.NEVER;
            case ON_MISMATCH -> net.vpdn.vtemplate.LcpRenegotiation.ON_MISMATCH;
            case ALWAYS -> net.vpdn.vtemplate.LcpRenegotiation.ALWAYS;
        };
    }

    /** One run-time pool per configured pool, with every local user's static address reserved in it. */
    static Map<String, Ipv4Pool> pools(VpdnConfig config) {
        Map<String, Ipv4Pool> pools = new LinkedHashMap<>();
        for (IpPool p : config.ipPools()) {
            pools.put(p.name(), Ipv4Pool.range(p.name(), ipv4(p.first()), ipv4(p.last())));
        }
        reserveStatics(config, pools);
        return pools;
    }

    /** Reserves static addresses (again after a reload; reserving twice is harmless). */
    static void reserveStatics(VpdnConfig config, Map<String, Ipv4Pool> pools) {
        for (net.vpdn.config.LocalUser u : config.localUsers()) {
            u.staticAddress().map(ConfigMapping::ipv4).ifPresent(a ->
                    pools.values().stream().filter(p -> p.contains(a)).forEach(p -> p.reserve(a)));
        }
    }

    static Map<String, Ipv4Address> staticAddresses(VpdnConfig config) {
        Map<String, Ipv4Address> out = new LinkedHashMap<>();
        for (net.vpdn.config.LocalUser u : config.localUsers()) {
            u.staticAddress().ifPresent(a -> out.put(u.name(), ipv4(a)));
        }
        return Map.copyOf(out);
    }

    static LocalBackend localBackend(VpdnConfig config) {
        Map<String, LocalUser> users = new LinkedHashMap<>();
        for (net.vpdn.config.LocalUser u : config.localUsers()) {
            users.put(u.name(), new LocalUser(Secret.ofBytes(u.password().bytes()), u.staticAddress(), Optional.empty(),
                    u.sessionLimit() == 0 ? OptionalInt.empty() : OptionalInt.of(u.sessionLimit())));
        }
        return new LocalBackend(new LocalSettings(users, Map.of()));
    }

    /** RADIUS client settings; each server keeps its own timeout, retries and dead time from the file. */
    static Optional<RadiusSettings> radius(VpdnConfig config) {
        List<net.vpdn.config.RadiusServer> servers = config.radiusServers();
        if (servers.isEmpty()) {
            return Optional.empty();
        }
        List<RadiusServer> mapped = servers.stream().map(s -> new RadiusServer(s.name(),
                new InetSocketAddress(s.address(), s.authPort()), new InetSocketAddress(s.address(), s.acctPort()),
                Secret.ofBytes(s.secret().bytes()), Optional.of(new RadiusServer.Timing(s.timeout(), s.retries() + 1,
                s.deadTime())))).toList();
        net.vpdn.config.RadiusServer first = servers.getFirst();
        RadiusSettings d = RadiusSettings.defaults(mapped, config.hostname());
        return Optional.of(new RadiusSettings(mapped, first.timeout(), first.retries() + 1, first.deadTime(),
                d.sourceSockets(), d.maxWaiting(), d.nasIdentifier(), false));
    }
}
