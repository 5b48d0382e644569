package net.vpdn.ppp.fsm;

import java.util.List;
import java.util.Optional;
import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.CpPacket;

/**
 * What one control protocol (LCP, IPCP, IPv6CP) plugs into the shared {@link ControlProtocol}
 * engine: its options. The engine owns the automaton, counters, timers and identifiers.
 * Implementations must not call back into the engine; the engine calls them synchronously
 * while it handles one event.
 */
public interface CpLayer {

    /** The PPP protocol number this layer's packets travel under. */
    int protocol();

    /** The options of our next Configure-Request, reflecting every Nak and Reject so far. */
    List<CpOption> buildRequest();

    /** Judges the peer's Configure-Request options without changing agreed state. */
    RequestVerdict judge(List<CpOption> peerOptions);

    /** Applies a Configure-Nak to what we ask for; false when the Nak is invalid and must be ignored. */
    boolean applyNak(List<CpOption> nakked);

    /** Applies a Configure-Reject to what we ask for; false when the Reject is invalid and must be ignored. */
    boolean applyReject(List<CpOption> rejected);

    /** The peer acked {@code ours}: these are now the values in force for our side. */
    default void onOurRequestAcked(List<CpOption> ours) {
    }

    /** We acked {@code theirs}: these are now the values in force for the peer's side. */
    default void onPeerRequestAcked(List<CpOption> theirs) {
    }

    /** Classifies a code other than 1–7; NCPs keep the default (Code-Reject it). */
    default OtherCode classify(CpPacket packet) {
        return OtherCode.UNKNOWN;
    }

    /** The answer to an RXR packet in Opened (Echo-Reply to an Echo-Request), if any. */
    default Optional<CpPacket> echoReply(CpPacket received) {
        return Optional.empty();
    }
}
