package net.vpdn.lns;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.vtemplate.AddressLease;
import net.vpdn.vtemplate.Ipv4Pool;
import net.vpdn.vtemplate.VirtualTemplate;

/**
 * Address policy in the usual order: the address AAA authorized (Framed-IP-Address), else the
 * user's local static address, else the next free address of the pool AAA named (Framed-Pool) or
 * of the template's pool. A fixed address inside a pool is taken from that pool (so it is counted
 * and cannot be handed out twice); outside every pool it is an unpooled lease and the forwarder's
 * route table catches duplicates. The peer's own request is not honoured: IPCP Naks it with ours.
 */
public final class PoolAddressAssigner implements AddressAssigner {
    private final Map<String, Ipv4Pool> pools;
    private final List<Ipv4Pool> poolList;
    private final Function<String, Optional<Ipv4Address>> staticAddresses;

    /** Over {@code pools} by name and a user → static address lookup. */
    public PoolAddressAssigner(Map<String, Ipv4Pool> pools, Function<String, Optional<Ipv4Address>> staticAddresses) {
        this.pools = Map.copyOf(pools);
        this.poolList = List.copyOf(pools.values());
        this.staticAddresses = Objects.requireNonNull(staticAddresses, "staticAddresses");
    }

    @Override
    public Optional<AddressLease> assign(String user, Authorization authorization, VirtualTemplate template,
                                         Ipv4Address requested) {
        if (authorization.framedAddress().isPresent()) {
            return fixed(authorization.framedAddress().get(), AddressLease.Source.AUTHORIZED);
        }
        Optional<Ipv4Address> local = staticAddresses.apply(user);
        if (local.isPresent()) {
            return fixed(local.get(), AddressLease.Source.STATIC);
        }
        Ipv4Pool pool = pools.get(authorization.framedPool().orElse(template.peerPool()));
        return pool == null ? Optional.empty() : leased(AddressLease.fromPool(pool, Ipv4Address.ANY, AddressLease.Source.POOL));
    }

    private Optional<AddressLease> fixed(Ipv4Address address, AddressLease.Source source) {
        for (Ipv4Pool pool : poolList) {
            if (pool.contains(address)) {
                return leased(AddressLease.fromPool(pool, address, source));
            }
        }
        return Optional.of(AddressLease.unpooled(address, source));
    }

    private static Optional<AddressLease> leased(AddressLease.Result result) {
        return switch (result) {
            case AddressLease.Leased l -> Optional.of(l.lease());
            case AddressLease.NotLeased n -> Optional.empty();
        };
    }
}
