package net.vpdn.l2tp.tunnel;

/**
 * Control connection states, RFC 2661 §7.2, plus the §5.7 teardown hold.
 */
public enum TunnelState {
    /** Nothing sent or received yet. */
    IDLE,
    /** We sent SCCRQ and wait for SCCRP. */
    WAIT_CTL_REPLY,
    /** We answered an SCCRQ with SCCRP and wait for SCCCN. */
    WAIT_CTL_CONN,
    /** The control connection is up; sessions may be placed. */
    ESTABLISHED,
    /** StopCCN sent or received; the §5.7 hold runs so retransmissions are still answered. */
    CLOSING,
    /** Terminal: the tunnel id and all resources may be released. */
    CLOSED
}
