package net.vpdn.vtemplate;

import java.util.Optional;
import net.vpdn.ppp.ipcp.Ipv4Address;

/**
 * Finds the peer address of a Virtual-Access interface when IPCP first asks for it (after
 * authentication, so AAA's answer is known): the authorized address, a local static address or
 * one from a pool. Called on the interface's event loop; must answer at once.
 */
@FunctionalInterface
public interface LeaseProvider {

    /**
     * A lease for {@code access}, whose peer asked for {@code requested} (0.0.0.0: "choose"),
     * or empty when no address can be given (IPCP then rejects the option).
     */
    Optional<AddressLease> lease(VirtualAccess access, Ipv4Address requested);

    /** Never gives an address. */
    LeaseProvider NONE = (access, requested) -> Optional.empty();
}
