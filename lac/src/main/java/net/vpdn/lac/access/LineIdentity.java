package net.vpdn.lac.access;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Who and where a subscriber line is, as the ICRQ/ICCN describe a call (RFC 2661 §6.6, §6.8).
 * For PPPoE (RFC 2516) the line id is the interface, MAC and PPPoE session id, the calling number
 * the circuit id or MAC, the called number the service name or access concentrator name.
 *
 * @param lineId            a stable name for logs and admin views (never a secret)
 * @param callingNumber     Calling Number AVP (the subscriber); may be empty
 * @param calledNumber      Called Number AVP (DNIS); may be empty
 * @param digitalBearer     Bearer Type digital (else analog)
 * @param synchronousFraming Framing Type synchronous (else asynchronous)
 * @param txConnectBps      Tx Connect Speed towards the subscriber, bits/s
 * @param rxConnectBps      Rx Connect Speed from the subscriber, bits/s; 0 means same as tx
 * @param physicalChannelId Physical Channel ID AVP, if the medium has one
 * @param agentCircuitId    TR-101 Agent-Circuit-Id a PPPoE intermediate agent inserted (RFC 4679 §3.3.1); may be empty
 * @param agentRemoteId     TR-101 Agent-Remote-Id (RFC 4679 §3.3.2); may be empty
 */
public record LineIdentity(String lineId, String callingNumber, String calledNumber, boolean digitalBearer,
                           boolean synchronousFraming, long txConnectBps, long rxConnectBps,
                           OptionalLong physicalChannelId, String agentCircuitId, String agentRemoteId) {

    /** A line without access line identifiers (the emulator's). */
    public LineIdentity(String lineId, String callingNumber, String calledNumber, boolean digitalBearer,
                        boolean synchronousFraming, long txConnectBps, long rxConnectBps, OptionalLong physicalChannelId) {
        this(lineId, callingNumber, calledNumber, digitalBearer, synchronousFraming, txConnectBps, rxConnectBps,
                physicalChannelId, "", "");
    }

    public LineIdentity {
        Objects.requireNonNull(agentCircuitId, "agentCircuitId");
        Objects.requireNonNull(agentRemoteId, "agentRemoteId");
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(callingNumber, "callingNumber");
        Objects.requireNonNull(calledNumber, "calledNumber");
        Objects.requireNonNull(physicalChannelId, "physicalChannelId");
        if (txConnectBps < 0 || rxConnectBps < 0) throw new IllegalArgumentException("connect speeds must not be negative");
    }
}
