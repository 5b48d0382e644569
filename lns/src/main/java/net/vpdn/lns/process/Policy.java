package net.vpdn.lns.process;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import net.vpdn.aaa.Authenticator;
import net.vpdn.config.VpdnConfig;
import net.vpdn.config.VpdnGroup;
import net.vpdn.l2tp.tunnel.AcceptDecision;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.lns.LnsContext;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.runtime.EngineSettings;

/**
 * What the running LNS applies now, built from the (effective) configuration: the accept-dialin
 * groups with their session contexts, the authenticator, the static addresses. Immutable; a
 * reload swaps in a new one, so a call sees one consistent policy.
 *
 * @param config the configuration it was built from
 * @param groups accept-dialin groups in file order
 * @param authenticator the aaa method list for PPP authentication
 * @param staticAddresses local users' static addresses
 */
record Policy(VpdnConfig config, List<Group> groups, Authenticator authenticator,
              Map<String, Ipv4Address> staticAddresses) {

    /** One accept-dialin group and the context its sessions are cloned in. */
    record Group(VpdnGroup.AcceptDialin config, LnsContext context) {
        String name() {
            return config.name();
        }
    }

    Policy {
        groups = List.copyOf(groups);
        staticAddresses = Map.copyOf(staticAddresses);
    }

    /**
     * The group whose {@code terminate-from} names {@code peerHostName} (ignoring case), else the
     * one group with an empty list (any LAC), else none.
     */
    Optional<Group> groupFor(String peerHostName) {
        String host = peerHostName == null ? "" : peerHostName.toLowerCase(Locale.ROOT);
        for (Group g : groups) {
            if (g.config().terminateFrom().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(host))) {
                return Optional.of(g);
            }
        }
        return groups.stream().filter(g -> g.config().terminateFrom().isEmpty()).findFirst();
    }

    /** The group named {@code name}, if this policy still has it. */
    Optional<Group> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /**
     * The SCCRQ verdict (RFC 2661 §6.1): a LAC no group terminates is refused with StopCCN result 4
     * (not authorized); a group at its {@code tunnel-limit} refuses with result 2, error 4
     * (insufficient resources, §4.4.2); otherwise the group's secret applies when it authenticates
     * tunnels, and none when it does not.
     *
     * @param tunnelsOf how many tunnels a group holds now
     */
    AcceptDecision decide(String peerHostName, ToIntFunction<Group> tunnelsOf) {
        Optional<Group> g = groupFor(peerHostName);
        if (g.isEmpty()) {
            return new AcceptDecision.Reject(StopCcnResult.NOT_AUTHORIZED, "no vpdn-group terminates this host");
        }
        VpdnGroup.AcceptDialin c = g.get().config();
        if (c.tunnelLimit() > 0 && tunnelsOf.applyAsInt(g.get()) >= c.tunnelLimit()) {
            return new AcceptDecision.Reject(StopCcnResult.GENERAL_ERROR, ErrorCode.INSUFFICIENT_RESOURCES,
                    "tunnel-limit " + c.tunnelLimit() + " of vpdn-group " + c.name() + " reached");
        }
        if (!c.tunnelAuthentication()) {
            return AcceptDecision.accept(null);
        }
        return AcceptDecision.accept(c.tunnelSecret().map(EngineSettings::tunnelSecret).orElse(null));
    }
}
