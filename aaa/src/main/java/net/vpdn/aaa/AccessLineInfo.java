package net.vpdn.aaa;

import java.util.Objects;

/**
 * Where a subscriber's line is, as a PPPoE intermediate agent (DSLAM, OLT) reported it (TR-101,
 * RFC 4679 §3.3): Agent-Circuit-Id and Agent-Remote-Id, empty when absent. Not secret.
 */
public record AccessLineInfo(String agentCircuitId, String agentRemoteId) {
    public static final AccessLineInfo NONE = new AccessLineInfo("", "");

    public AccessLineInfo {
        Objects.requireNonNull(agentCircuitId, "agentCircuitId");
        Objects.requireNonNull(agentRemoteId, "agentRemoteId");
    }
}
