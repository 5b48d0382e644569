package net.vpdn.aaa.local;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.vpdn.aaa.tunnel.TunnelSet;

/**
 * The local AAA table, mapped from configuration by the composition root.
 *
 * @param users   user name (as the peer sends it, e.g. "alice@example.com") to user
 * @param tunnels domain or DNIS to its tunnel sets, in preference order
 */
public record LocalSettings(Map<String, LocalUser> users, Map<String, List<TunnelSet>> tunnels) {
    public LocalSettings {
        users = Map.copyOf(users);
        tunnels = tunnels.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }
}
