package net.vpdn.l2tp.tunnel;

import java.time.Duration;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.wire.ControlMessage;

/** Outputs of {@link TunnelFsm}: data for the engine to carry out, in list order. */
public sealed interface TunnelAction {

    /**
     * Hand {@code msg} to the reliable transport. Its header tunnel id is already the peer's
     * (0 for an SCCRQ, and for a StopCCN sent before the peer's id is known). {@code urgent}
     * for StopCCN and HELLO.
     */
    record Send(ControlMessage msg, boolean urgent) implements TunnelAction {
    }

    /** (Re)start a timer; arming a timer that is running replaces it. */
    record ArmTimer(TunnelTimer timer, Duration after) implements TunnelAction {
    }

    /** Stop a timer if it runs. */
    record CancelTimer(TunnelTimer timer) implements TunnelAction {
    }

    /**
     * The control connection is up: sessions waiting for it may be placed (RFC 2661 §7.2
     * "send tunnel-open event to waiting sessions").
     *
     * @param peerReceiveWindow the peer's Receive Window Size, 4 when absent (§4.4.3)
     * @param peerVendorName    empty when absent
     * @param peerFirmwareRevision -1 when absent
     * @param peerBearer        {@code null} when absent (the peer cannot place outgoing calls)
     */
    record Established(String peerHostName, int peerTunnelId, int peerReceiveWindow, String peerVendorName,
                       int peerFirmwareRevision, Avp.FramingCapabilities peerFraming,
                       Avp.BearerCapabilities peerBearer) implements TunnelAction {
    }

    /**
     * StopCCN sent ({@code byPeer == false}) or received: tear all sessions down now, without
     * CDNs (§6.4: they are implicitly cleared). A peer's result or error code this engine has no
     * constant for is reported as GENERAL_ERROR / NO_GENERAL_ERROR with the raw codes in
     * {@code message}.
     */
    record Closing(StopCcnResult result, ErrorCode error, String message, boolean byPeer) implements TunnelAction {
    }

    /** Terminal: the hold is over (or the peer is gone); release the tunnel id. */
    record Closed() implements TunnelAction {
    }
}
