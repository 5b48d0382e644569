package net.vpdn.lns;

import java.util.Objects;
import java.util.Optional;

/**
 * What the LNS knows about a call before PPP starts, for AAA and accounting.
 *
 * @param tunnelPeer the LAC's host name
 * @param tunnelId our tunnel id
 * @param sessionId our session id
 * @param callingNumber Calling Number AVP (RADIUS Calling-Station-Id)
 * @param calledNumber Called Number AVP (RADIUS Called-Station-Id)
 */
public record LnsCallInfo(String tunnelPeer, int tunnelId, int sessionId, Optional<String> callingNumber,
                          Optional<String> calledNumber) {
    public LnsCallInfo {
        Objects.requireNonNull(tunnelPeer, "tunnelPeer");
        Objects.requireNonNull(callingNumber, "callingNumber");
        Objects.requireNonNull(calledNumber, "calledNumber");
    }
}
