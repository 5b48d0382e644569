package net.vpdn.lns;

import java.util.Optional;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.vtemplate.AddressLease;
import net.vpdn.vtemplate.VirtualTemplate;

/**
 * Chooses a subscriber's address when IPCP first asks (after authentication). The composition
 * root builds one over the configured pools and static user addresses ({@link PoolAddressAssigner}).
 * Called on the event loop; must answer at once.
 */
@FunctionalInterface
public interface AddressAssigner {

    /**
     * A lease for {@code user} under {@code authorization} on {@code template}; the peer asked for
     * {@code requested} (0.0.0.0 = "choose"). Empty when no address can be given.
     */
    Optional<AddressLease> assign(String user, Authorization authorization, VirtualTemplate template, Ipv4Address requested);
}
