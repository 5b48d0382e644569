package net.vpdn.ppp.ipcp;

import java.util.Objects;
import java.util.Optional;

/**
 * What this end does in IPCP.
 *
 * @param localAddress our address; 0.0.0.0 asks the peer to assign one (client role)
 * @param peerAddresses the source of the peer's address; empty when we do not assign (client role)
 * @param requestDns whether we ask the peer for DNS servers (client role, RFC 1877)
 * @param primaryDns the primary DNS server we give the peer (RFC 1877 §1.1), if any
 * @param secondaryDns the secondary DNS server (§1.3)
 * @param primaryNbns the primary NBNS server (§1.2)
 * @param secondaryNbns the secondary NBNS server (§1.4)
 */
public record IpcpPolicy(Ipv4Address localAddress, Optional<Ipv4AddressSource> peerAddresses, boolean requestDns,
                         Optional<Ipv4Address> primaryDns, Optional<Ipv4Address> secondaryDns,
                         Optional<Ipv4Address> primaryNbns, Optional<Ipv4Address> secondaryNbns) {
    public IpcpPolicy {
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(peerAddresses, "peerAddresses");
    }

    /** The LNS role: our gateway address, peer addresses from {@code source}, DNS handed out. */
    public static IpcpPolicy server(Ipv4Address gateway, Ipv4AddressSource source, Optional<Ipv4Address> primaryDns,
                                    Optional<Ipv4Address> secondaryDns) {
        return new IpcpPolicy(gateway, Optional.of(source), false, primaryDns, secondaryDns, Optional.empty(), Optional.empty());
    }

    /** The client role: ask for an address and DNS servers. */
    public static IpcpPolicy client() {
        return new IpcpPolicy(Ipv4Address.ANY, Optional.empty(), true, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
