package net.vpdn.aaa.tunnel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import net.vpdn.ppp.auth.Secret;

/**
 * One tunnel the LAC may use for a domain or DNIS: the attributes sharing one RFC 2868 tag.
 * Lower {@code preference} is tried first (RFC 2868 §3.8).
 *
 * @param tag               the RFC 2868 tag (0 when untagged)
 * @param preference        Tunnel-Preference, empty when not given (tried after those with one)
 * @param type              Tunnel-Type value (3 = L2TP, RFC 2868 §3.1)
 * @param medium            Tunnel-Medium-Type value (1 = IPv4, 2 = IPv6)
 * @param serverEndpoints   Tunnel-Server-Endpoint(s): the LNS address(es), in order
 * @param clientEndpoint    Tunnel-Client-Endpoint: our source address, if given
 * @param password          Tunnel-Password: the L2TP tunnel secret, if given
 * @param clientAuthId      Tunnel-Client-Auth-ID: our L2TP Host Name towards this LNS (§3.10 of RFC 2868)
 * @param serverAuthId      Tunnel-Server-Auth-ID: the LNS's expected Host Name
 * @param assignmentId      Tunnel-Assignment-ID: sessions with equal ids share a tunnel (§3.7)
 */
public record TunnelSet(int tag, OptionalInt preference, int type, int medium, List<String> serverEndpoints,
                        Optional<String> clientEndpoint, Optional<Secret> password, Optional<String> clientAuthId,
                        Optional<String> serverAuthId, Optional<String> assignmentId) {
    /** Tunnel-Type L2TP, RFC 2868 §3.1. */
    public static final int TYPE_L2TP = 3;
    /** Tunnel-Medium-Type IPv4, RFC 2868 §3.2. */
    public static final int MEDIUM_IPV4 = 1;
    /** Tunnel-Medium-Type IPv6. */
    public static final int MEDIUM_IPV6 = 2;

    public TunnelSet {
        Objects.requireNonNull(preference, "preference");
        serverEndpoints = List.copyOf(serverEndpoints);
        Objects.requireNonNull(clientEndpoint, "clientEndpoint");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(clientAuthId, "clientAuthId");
        Objects.requireNonNull(serverAuthId, "serverAuthId");
        Objects.requireNonNull(assignmentId, "assignmentId");
    }

    /** An L2TP-over-IPv4 set with only the essentials, for local configuration and tests. */
    public static TunnelSet l2tp(int tag, int preference, String serverEndpoint, Secret password) {
        return new TunnelSet(tag, OptionalInt.of(preference), TYPE_L2TP, MEDIUM_IPV4, List.of(serverEndpoint),
                Optional.empty(), Optional.ofNullable(password), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "TunnelSet[tag=" + tag + ", preference=" + preference + ", type=" + type + ", medium=" + medium
                + ", serverEndpoints=" + serverEndpoints + ", clientEndpoint=" + clientEndpoint
                + ", password=" + (password.isPresent() ? "redacted" : "none") + ", clientAuthId=" + clientAuthId
                + ", serverAuthId=" + serverAuthId + ", assignmentId=" + assignmentId + "]";
    }
}
