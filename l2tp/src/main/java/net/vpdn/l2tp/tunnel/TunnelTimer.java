package net.vpdn.l2tp.tunnel;

/**
 * Timers the tunnel FSM arms through {@link TunnelAction.ArmTimer}. Retransmission belongs to the
 * reliable transport and is not listed.
 */
public enum TunnelTimer {
    /** Idle interval after which a HELLO is sent, RFC 2661 §5.5 / §6.5. */
    HELLO,
    /** How long state is held after StopCCN, RFC 2661 §5.7 (a full retransmission cycle). */
    STOP_HOLD
}
