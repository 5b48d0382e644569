package net.vpdn.aaa;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the AAA side knows about the call being authenticated, sent as RADIUS NAS attributes.
 *
 * @param acctSessionId    Acct-Session-Id this session will account under (RFC 2866 §5.5)
 * @param nasPort          NAS-Port (e.g. the L2TP session id or PPPoE session id)
 * @param callingStationId Calling-Station-Id (the client's MAC or number)
 * @param calledStationId  Called-Station-Id (the DNIS)
 */
public record SessionContext(String acctSessionId, OptionalLong nasPort, Optional<String> callingStationId,
                             Optional<String> calledStationId) {
    public SessionContext {
        Objects.requireNonNull(acctSessionId, "acctSessionId");
        Objects.requireNonNull(nasPort, "nasPort");
        Objects.requireNonNull(callingStationId, "callingStationId");
        Objects.requireNonNull(calledStationId, "calledStationId");
    }

    /** A context with only the session id. */
    public static SessionContext of(String acctSessionId) {
        return new SessionContext(acctSessionId, OptionalLong.empty(), Optional.empty(), Optional.empty());
    }
}
