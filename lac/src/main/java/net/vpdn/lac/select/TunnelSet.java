package net.vpdn.lac.select;

import java.util.List;
import java.util.Objects;
import net.vpdn.l2tp.TunnelSecret;

/**
 * One way to reach the user's network: a vpdn-group from local config, or one tag of RFC 2868
 * tunnel attributes from RADIUS.
 *
 * @param preference    Tunnel-Preference (RFC 2868 §3.8): lower is tried first among a call's sets
 * @param groupName     the vpdn-group (or RADIUS Tunnel-Assignment-Id) for logs and session limits
 * @param endpoints     the LNSs, failover by priority and load sharing by weight
 * @param secret        the tunnel secret (RFC 2661 §5.1.1), or {@code null} for none
 * @param localHostName our Host Name AVP towards these LNSs (Tunnel-Client-Auth-Id)
 * @param sessionLimit  calls this group may carry at once; 0 for no limit
 */
public record TunnelSet(int preference, String groupName, List<LnsEndpoint> endpoints, TunnelSecret secret,
                        String localHostName, int sessionLimit) {
    public TunnelSet {
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(localHostName, "localHostName");
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) throw new IllegalArgumentException("tunnel set " + groupName + " has no LNS");
        if (localHostName.isEmpty()) throw new IllegalArgumentException("localHostName must not be empty");
        if (sessionLimit < 0) throw new IllegalArgumentException("sessionLimit must not be negative");
    }

    @Override
    public String toString() {
        return "TunnelSet[preference=" + preference + ", group=" + groupName + ", endpoints=" + endpoints
                + ", secret=" + (secret == null ? "<none>" : "<redacted>") + ", localHostName=" + localHostName
                + ", sessionLimit=" + sessionLimit + "]";
    }
}
