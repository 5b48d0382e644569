package net.vpdn.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole configuration of one LAC or LNS process, as validated by {@link ConfigLoader}.
 * Every list keeps file order; names are unique within each list.
 *
 * @param source           the file it was read from
 * @param role             which process this file configures
 * @param hostname         our L2TP host name (Host Name AVP, RFC 2661 §4.4.3; Cisco {@code hostname})
 * @param l2tp             listener and tunnel timers
 * @param vpdnGroups       request-dialin groups (LAC) or accept-dialin groups (LNS)
 * @param virtualTemplates PPP interface templates (LNS)
 * @param ipPools          address pools
 * @param localUsers       users defined in this file
 * @param radiusServers    RADIUS servers in order of use
 * @param aaa              method lists
 * @param admin            admin listener
 * @param metrics          metrics listener
 * @param dynamicAuthorization RFC 5176 Disconnect listener (LNS)
 * @param pppoeInterfaces  Ethernet interfaces the LAC answers PPPoE on (LAC)
 * @param tunUplink        the TUN uplink (LNS)
 */
public record VpdnConfig(
        Path source,
        Role role,
        String hostname,
        L2tpSettings l2tp,
        List<VpdnGroup> vpdnGroups,
        List<VirtualTemplate> virtualTemplates,
        List<IpPool> ipPools,
        List<LocalUser> localUsers,
        List<RadiusServer> radiusServers,
        AaaSettings aaa,
        AdminListener admin,
        MetricsListener metrics,
        DynamicAuthorization dynamicAuthorization,
        List<PppoeInterface> pppoeInterfaces,
        TunUplink tunUplink) {
    /** Copies the lists. */
    public VpdnConfig {
        pppoeInterfaces = List.copyOf(pppoeInterfaces);
        vpdnGroups = List.copyOf(vpdnGroups);
        virtualTemplates = List.copyOf(virtualTemplates);
        ipPools = List.copyOf(ipPools);
        localUsers = List.copyOf(localUsers);
        radiusServers = List.copyOf(radiusServers);
    }

    /** A configuration without a TUN uplink (what a LAC always has). */
    public VpdnConfig(Path source, Role role, String hostname, L2tpSettings l2tp, List<VpdnGroup> vpdnGroups,
                      List<VirtualTemplate> virtualTemplates, List<IpPool> ipPools, List<LocalUser> localUsers,
                      List<RadiusServer> radiusServers, AaaSettings aaa, AdminListener admin, MetricsListener metrics,
                      DynamicAuthorization dynamicAuthorization, List<PppoeInterface> pppoeInterfaces) {
        this(source, role, hostname, l2tp, vpdnGroups, virtualTemplates, ipPools, localUsers, radiusServers, aaa, admin,
                metrics, dynamicAuthorization, pppoeInterfaces, TunUplink.disabled());
    }

    /** A configuration without PPPoE interfaces (what an LNS always has). */
    public VpdnConfig(Path source, Role role, String hostname, L2tpSettings l2tp, List<VpdnGroup> vpdnGroups,
                      List<VirtualTemplate> virtualTemplates, List<IpPool> ipPools, List<LocalUser> localUsers,
                      List<RadiusServer> radiusServers, AaaSettings aaa, AdminListener admin, MetricsListener metrics,
                      DynamicAuthorization dynamicAuthorization) {
        this(source, role, hostname, l2tp, vpdnGroups, virtualTemplates, ipPools, localUsers, radiusServers, aaa, admin,
                metrics, dynamicAuthorization, List.of());
    }

    /** A configuration without a Dynamic Authorization listener (what a LAC always has). */
    public VpdnConfig(Path source, Role role, String hostname, L2tpSettings l2tp, List<VpdnGroup> vpdnGroups,
                      List<VirtualTemplate> virtualTemplates, List<IpPool> ipPools, List<LocalUser> localUsers,
                      List<RadiusServer> radiusServers, AaaSettings aaa, AdminListener admin, MetricsListener metrics) {
        this(source, role, hostname, l2tp, vpdnGroups, virtualTemplates, ipPools, localUsers, radiusServers, aaa, admin,
                metrics, DynamicAuthorization.disabled());
    }

    /** The group with this name. */
    public Optional<VpdnGroup> group(String name) {
        return vpdnGroups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The virtual template with this name. */
    public Optional<VirtualTemplate> virtualTemplate(String name) {
        return virtualTemplates.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The pool with this name. */
    public Optional<IpPool> ipPool(String name) {
        return ipPools.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The local user with this name. */
    public Optional<LocalUser> localUser(String name) {
        return localUsers.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /** The LAC's request-dialin groups (empty for an LNS). */
    public List<VpdnGroup.RequestDialin> requestDialinGroups() {
        return vpdnGroups.stream().filter(VpdnGroup.RequestDialin.class::isInstance)
                .map(VpdnGroup.RequestDialin.class::cast).toList();
    }

    /** The LNS's accept-dialin groups (empty for a LAC). */
    public List<VpdnGroup.AcceptDialin> acceptDialinGroups() {
        return vpdnGroups.stream().filter(VpdnGroup.AcceptDialin.class::isInstance)
                .map(VpdnGroup.AcceptDialin.class::cast).toList();
    }
}
