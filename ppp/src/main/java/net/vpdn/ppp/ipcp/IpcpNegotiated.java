package net.vpdn.ppp.ipcp;

import java.util.Optional;

/**
 * What IPCP agreed.
 *
 * @param localAddress our address
 * @param peerAddress the peer's address
 * @param primaryDns the DNS server agreed for us (client role)
 * @param secondaryDns the secondary DNS server agreed for us (client role)
 */
public record IpcpNegotiated(Ipv4Address localAddress, Ipv4Address peerAddress,
                             Optional<Ipv4Address> primaryDns, Optional<Ipv4Address> secondaryDns) { }
