package net.vpdn.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import net.vpdn.config.ReloadPlan.Change;
import net.vpdn.config.ReloadPlan.Effect;

/**
 * Compares a running configuration with a newly loaded one and classifies every difference (a pure function).
 *
 * <p>Rules: identity and sockets (role, hostname, listener addresses and ports, metrics) need a restart.
 * L2TP timers and tunnel parameters of groups apply to new tunnels; templates to new sessions. Users, AAA,
 * RADIUS servers, session limits, the admin token, added pools and pools that only grow apply at once. A pool
 * that shrinks, moves or disappears needs a restart, because addresses leased from it could fall outside.
 */
public final class ConfigDiff {
    private static final Map<String, String> KEY_NAMES = Map.of(
            "mruBytes", "mru", "dnsServers", "dns",
            "domains", "request-dialin.domains", "dnis", "request-dialin.dnis",
            "virtualTemplate", "accept-dialin.virtual-template", "token", "token");

    private ConfigDiff() {
    }

    /** The plan for going from {@code running} to {@code loaded}. */
    public static ReloadPlan plan(VpdnConfig running, VpdnConfig loaded) {
        List<Change> out = new ArrayList<>();
        field(out, "role", running.role(), loaded.role(), Effect.RESTART);
        field(out, "hostname", running.hostname(), loaded.hostname(), Effect.RESTART);
        fields(out, "l2tp", running.l2tp(), loaded.l2tp(), ConfigDiff::l2tpEffect);
        named(out, "vpdn-groups", running.vpdnGroups(), loaded.vpdnGroups(), VpdnGroup::name,
                ConfigDiff::groupEffect, Effect.NEW_TUNNELS, Effect.NEW_TUNNELS);
        named(out, "virtual-templates", running.virtualTemplates(), loaded.virtualTemplates(),
                VirtualTemplate::name, c -> Effect.NEW_SESSIONS, Effect.NEW_SESSIONS, Effect.NEW_SESSIONS);
        pools(out, running.ipPools(), loaded.ipPools());
        named(out, "local-users", running.localUsers(), loaded.localUsers(), LocalUser::name,
                c -> Effect.NOW, Effect.NOW, Effect.NOW);
        named(out, "radius-servers", running.radiusServers(), loaded.radiusServers(), RadiusServer::name,
                c -> Effect.NOW, Effect.NOW, Effect.NOW);
        fields(out, "aaa", running.aaa(), loaded.aaa(), c -> Effect.NOW);
        fields(out, "admin", running.admin(), loaded.admin(), c -> c.equals("token") ? Effect.NOW : Effect.RESTART);
        fields(out, "metrics", running.metrics(), loaded.metrics(), c -> Effect.RESTART);
        fields(out, "dynamic-authorization", running.dynamicAuthorization(), loaded.dynamicAuthorization(),
                c -> Effect.RESTART);
        named(out, "pppoe-interfaces", running.pppoeInterfaces(), loaded.pppoeInterfaces(), PppoeInterface::name,
                c -> Effect.RESTART, Effect.RESTART, Effect.RESTART);
        fields(out, "tun-uplink", running.tunUplink(), loaded.tunUplink(), c -> Effect.RESTART);
        return new ReloadPlan(out);
    }

    /**
     * The configuration a running process should switch to: {@code loaded}, except that every value the plan
     * marks {@link Effect#RESTART} keeps its running value (identity, listeners, metrics, and pools that would
     * shrink, move or vanish). After a restart the process simply uses {@code loaded}. The result is not
     * validated again: a kept pool may overlap a pool the new file adds, which the restart will then report.
     */
    public static VpdnConfig effective(VpdnConfig running, VpdnConfig loaded) {
        L2tpSettings l2tp = loaded.l2tp();
        L2tpSettings keptL2tp = new L2tpSettings(running.l2tp().listenAddress(), running.l2tp().listenPort(),
                l2tp.helloInterval(), l2tp.retransmitInitial(), l2tp.retransmitCap(), l2tp.retransmitRetries(),
                l2tp.receiveWindow(), l2tp.callSetupTimeout(), running.l2tp().maxCallsInSetup(), running.l2tp().maxSessions());
        AdminListener admin = running.admin();
        AdminListener keptAdmin = new AdminListener(admin.enabled(), admin.address(), admin.port(),
                loaded.admin().token());
        return new VpdnConfig(loaded.source(), running.role(), running.hostname(), keptL2tp, loaded.vpdnGroups(),
                loaded.virtualTemplates(), keptPools(running.ipPools(), loaded.ipPools()), loaded.localUsers(),
                loaded.radiusServers(), loaded.aaa(), keptAdmin, running.metrics(), running.dynamicAuthorization(),
                running.pppoeInterfaces(), running.tunUplink());
    }

    // A pool may only grow live: one that would shrink or move keeps its running range, one that would vanish stays.
    private static List<IpPool> keptPools(List<IpPool> running, List<IpPool> loaded) {
        Map<String, IpPool> before = byName(running, IpPool::name);
        List<IpPool> out = new ArrayList<>();
        for (IpPool now : loaded) {
            IpPool old = before.remove(now.name());
            out.add(old == null || now.covers(old) ? now : old);
        }
        out.addAll(before.values());
        return out;
    }

    private static Effect l2tpEffect(String component) {
        return component.startsWith("listen") ? Effect.RESTART : Effect.NEW_TUNNELS;
    }

    // Which users a group matches and how many sessions it takes are checked per new session, at once;
    // how the LNS builds a session is per session; the rest is what a tunnel is opened with.
    private static Effect groupEffect(String component) {
        return switch (component) {
            case "domains", "dnis", "sessionLimit", "terminateFrom", "tunnelLimit", "userSessionLimit" -> Effect.NOW;
            case "virtualTemplate", "lcpRenegotiation" -> Effect.NEW_SESSIONS;
            default -> Effect.NEW_TUNNELS;
        };
    }

    private static void pools(List<Change> out, List<IpPool> running, List<IpPool> loaded) {
        Map<String, IpPool> before = byName(running, IpPool::name);
        Map<String, IpPool> after = byName(loaded, IpPool::name);
        before.forEach((name, old) -> {
            IpPool now = after.get(name);
            String key = "ip-pools[" + name + "]";
            if (now == null) {
                out.add(new Change(key, Effect.RESTART, "removed; addresses leased from it stay in use until restart"));
            } else if (!now.equals(old)) {
                boolean grown = now.covers(old);
                out.add(new Change(key, grown ? Effect.NOW : Effect.RESTART, range(old) + " -> " + range(now)
                        + (grown ? " (grown)" : " (shrunk or moved; leased addresses could fall outside)")));
            }
        });
        after.forEach((name, now) -> {
            if (!before.containsKey(name)) {
                out.add(new Change("ip-pools[" + name + "]", Effect.NOW, "added " + range(now)));
            }
        });
    }

    private static <T> void named(List<Change> out, String list, List<T> running, List<T> loaded,
                                  Function<T, String> name, Function<String, Effect> fieldEffect,
                                  Effect added, Effect removed) {
        Map<String, T> before = byName(running, name);
        Map<String, T> after = byName(loaded, name);
        before.forEach((n, old) -> {
            T now = after.get(n);
            String key = list + "[" + n + "]";
            if (now == null) {
                out.add(new Change(key, removed, "removed; what it already carries stays up until it ends"));
            } else if (old.getClass() != now.getClass()) {
                out.add(new Change(key, added, "replaced by a group of the other kind"));
            } else {
                fields(out, key, (Record) old, (Record) now, fieldEffect);
            }
        });
        after.forEach((n, now) -> {
            if (!before.containsKey(n)) {
                out.add(new Change(list + "[" + n + "]", added, "added"));
            }
        });
    }

    /** One change per record component that differs. */
    private static void fields(List<Change> out, String prefix, Record old, Record now,
                               Function<String, Effect> effect) {
        for (RecordComponent component : old.getClass().getRecordComponents()) {
            if (component.getName().equals("name")) {
                continue;
            }
            Object a = read(component, old);
            Object b = read(component, now);
            field(out, prefix + "." + keyName(component.getName()), a, b, effect.apply(component.getName()));
        }
    }

    private static void field(List<Change> out, String key, Object old, Object now, Effect effect) {
        if (!Objects.equals(old, now)) {
            out.add(new Change(key, effect, describe(old) + " -> " + describe(now)));
        }
    }

    // Secrets (bare or optional) are only ever "changed"; other values are shown so operators see what moves.
    private static String describe(Object value) {
        return switch (value) {
            case Secret s -> Secret.REDACTED;
            case Optional<?> o when o.isPresent() && o.get() instanceof Secret -> Secret.REDACTED;
            case Optional<?> o -> o.map(ConfigDiff::describe).orElse("none");
            case Duration d -> d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
            case InetAddress a -> a.getHostAddress();
            case MethodList m -> m.methods().toString();
            case List<?> l -> l.stream().map(ConfigDiff::describe).toList().toString();
            case Record r -> r.toString();
            case null -> "none";
            default -> String.valueOf(value);
        };
    }

    private static String range(IpPool pool) {
        return pool.first().getHostAddress() + "-" + pool.last().getHostAddress();
    }

    private static String keyName(String component) {
        String mapped = KEY_NAMES.get(component);
        return mapped != null ? mapped : component.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(name.apply(i), i));
        return map;
    }
}
