package net.vpdn.l2tp.transport;

/** The timers a {@link ReliableTransport} asks its shell to run; one of each per transport. */
public enum TransportTimer {
    /** Fires when the oldest unacknowledged message is due for retransmission (RFC 2661 §5.8). */
    RETRANSMIT,
    /** Fires when a delayed ZLB acknowledgement is due because nothing carried the Nr (§5.8). */
    ACK_DELAY
}
