package net.vpdn.lac.select;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TunnelSelector} chooses by: the user (and its domain) and the line's numbers.
 *
 * @param userName      the PPP user name the subscriber authenticated with; empty when unknown
 *                      (MS-CHAPv2, no authentication)
 * @param domain        the domain parsed out of the user name, lower-cased
 * @param callingNumber Calling Number (the subscriber, ANI/CLI), possibly empty
 * @param calledNumber  Called Number (DNIS), possibly empty
 * @param agentCircuitId the line's TR-101 Agent-Circuit-Id (PPPoE relay), possibly empty
 * @param agentRemoteId  the line's TR-101 Agent-Remote-Id, possibly empty
 */
public record CallKey(String userName, Optional<String> domain, String callingNumber, String calledNumber,
                      String agentCircuitId, String agentRemoteId) {

    /** A key without access line identifiers. */
    public CallKey(String userName, Optional<String> domain, String callingNumber, String calledNumber) {
        this(userName, domain, callingNumber, calledNumber, "", "");
    }

    public CallKey {
        Objects.requireNonNull(agentCircuitId, "agentCircuitId");
        Objects.requireNonNull(agentRemoteId, "agentRemoteId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(callingNumber, "callingNumber");
        Objects.requireNonNull(calledNumber, "calledNumber");
    }
}
