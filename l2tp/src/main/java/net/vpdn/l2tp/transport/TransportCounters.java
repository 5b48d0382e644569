package net.vpdn.l2tp.transport;

/**
 * A snapshot of one transport's counters, for the metrics layer. All values only grow.
 *
 * @param sent               new control messages transmitted (not counting retransmissions or ZLBs)
 * @param retransmissions    control messages sent again after a timeout
 * @param zlbsSent           ZLB acknowledgements sent
 * @param delivered          messages handed up in order
 * @param duplicates         received messages already delivered or already held
 * @param outOfOrderHeld     received messages ahead of the expected Ns and held in the window
 * @param outOfWindowDropped received messages too far ahead of the expected Ns, discarded
 * @param bogusAcks          received Nr values acknowledging an Ns we never sent (ignored)
 * @param rejected           submissions refused (queue full or transport failed)
 */
public record TransportCounters(long sent, long retransmissions, long zlbsSent, long delivered,
                                long duplicates, long outOfOrderHeld, long outOfWindowDropped,
                                long bogusAcks, long rejected) {
}
