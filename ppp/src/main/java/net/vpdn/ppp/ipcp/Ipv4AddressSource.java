package net.vpdn.ppp.ipcp;

import java.util.Optional;

/**
 * Where the IPCP authenticator side gets the peer's address: a pool, or the Framed-IP-Address
 * RADIUS returned. Called on the session's event loop, so it must answer at once; anything slow
 * (RADIUS) happens before IPCP starts.
 */
public interface Ipv4AddressSource {

    /**
     * The address to give a peer that asked for {@code requested} (0.0.0.0 when it asked us to
     * choose). Returning {@code requested} acks it; another address Naks with it; empty means we
     * have none and the option is rejected.
     */
    Optional<Ipv4Address> addressFor(Ipv4Address requested);

    /** A source that always hands out {@code address}, whatever the peer asked. */
    static Ipv4AddressSource fixed(Ipv4Address address) {
        return requested -> Optional.of(address);
    }
}
