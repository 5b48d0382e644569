package net.vpdn.config;

import java.net.Inet4Address;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.vpdn.config.ConfigBinder.Bound;
import net.vpdn.config.ConfigBinder.BoundConfig;

/** Checks that involve more than one value: names, references, overlaps and role fit. */
final class CrossChecks {
    private CrossChecks() {
    }

    static void check(BoundConfig b) {
        unique(b.groups(), VpdnGroup::name);
        unique(b.templates(), VirtualTemplate::name);
        unique(b.pools(), IpPool::name);
        unique(b.users(), LocalUser::name);
        unique(b.radius(), RadiusServer::name);
        GroupChecks.check(b);
        pools(b);
        templates(b);
        users(b);
        aaa(b);
        listeners(b);
    }

    /** Reports the second and later entries of a name, pointing at the first. */
    static <T> void unique(List<Bound<T>> items, Function<T, String> name) {
        Map<String, String> firstKey = new HashMap<>();
        for (Bound<T> item : items) {
            String n = name.apply(item.value());
            if (n.isEmpty()) {
                continue;
            }
            String previous = firstKey.putIfAbsent(n, item.section().key("name"));
            if (previous != null) {
                item.section().error("name", "duplicate name '" + n + "' (first defined at " + previous + ")");
            }
        }
    }

    private static void pools(BoundConfig b) {
        List<Bound<IpPool>> pools = b.pools();
        for (int i = 0; i < pools.size(); i++) {
            for (int j = 0; j < i; j++) {
                IpPool later = pools.get(i).value();
                IpPool earlier = pools.get(j).value();
                if (!PppBinder.isPlaceholder(later) && !PppBinder.isPlaceholder(earlier) && later.overlaps(earlier)) {
                    pools.get(i).section().errorHere("overlaps pool '" + earlier.name() + "' ("
                            + pools.get(j).section().path() + ")");
                }
            }
        }
    }

    private static void templates(BoundConfig b) {
        for (Bound<VirtualTemplate> t : b.templates()) {
            String poolName = t.value().peerPool();
            if (poolName.isEmpty()) {
                continue;
            }
            b.config().ipPool(poolName).ifPresentOrElse(pool -> {
                if (pool.contains(t.value().localAddress())) {
                    t.section().error("local-address", "lies inside its peer pool '" + poolName
                            + "', which would hand it to a peer");
                }
            }, () -> t.section().error("peer-pool", "pool '" + poolName + "' is not defined in ip-pools"));
        }
    }

    private static void users(BoundConfig b) {
        Map<Inet4Address, String> taken = new HashMap<>();
        for (Bound<LocalUser> u : b.users()) {
            if (u.value().staticAddress().isEmpty()) {
                continue;
            }
            Inet4Address address = u.value().staticAddress().get();
            if (b.config().ipPools().stream().noneMatch(p -> p.contains(address))) {
                u.section().error("static-address", address.getHostAddress()
                        + " lies in no ip-pool, so nothing keeps the pool from handing it out or routes it");
            }
            String other = taken.putIfAbsent(address, u.value().name());
            if (other != null) {
                u.section().error("static-address", address.getHostAddress() + " is already the static address of '"
                        + other + "'");
            }
        }
    }

    private static void aaa(BoundConfig b) {
        Section aaa = b.root().section("aaa");
        AaaSettings settings = b.config().aaa();
        boolean noServers = b.config().radiusServers().isEmpty();
        Map<String, MethodList> lists = Map.of("authentication", settings.authentication(),
                "tunnel-authorization", settings.tunnelAuthorization(), "accounting", settings.accounting());
        for (String key : List.of("authentication", "tunnel-authorization", "accounting")) {
            if (noServers && lists.get(key).uses(AaaMethod.RADIUS)) {
                aaa.error(key, "uses radius but no radius-servers are defined");
            }
        }
        if (settings.accounting().uses(AaaMethod.LOCAL)) {
            aaa.error("accounting", "local accounting does not exist; use radius, or leave the list empty");
        }
    }

    private static void listeners(BoundConfig b) {
        AdminListener admin = b.config().admin();
        MetricsListener metrics = b.config().metrics();
        Section adminSection = b.root().section("admin");
        if (admin.enabled() && !admin.address().isLoopbackAddress() && admin.token().isEmpty()) {
            adminSection.error("token", "is required when admin listens on a non-loopback address ("
                    + admin.address().getHostAddress() + ")");
        }
        boolean sharedAddress = admin.address().equals(metrics.address())
                || admin.address().isAnyLocalAddress() || metrics.address().isAnyLocalAddress();
        if (admin.enabled() && metrics.enabled() && admin.port() != 0 && admin.port() == metrics.port()
                && sharedAddress) {
            b.root().section("metrics").error("port", "is the same as admin.port (" + admin.port() + ")");
        }
    }
}
