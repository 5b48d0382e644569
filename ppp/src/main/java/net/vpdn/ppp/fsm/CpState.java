package net.vpdn.ppp.fsm;

/** The ten states of the RFC 1661 §4.2 option-negotiation automaton, numbered as in the RFC. */
public enum CpState {
    /** 0: lower layer down, no Open. */
    INITIAL,
    /** 1: Open issued, lower layer still down. */
    STARTING,
    /** 2: lower layer up, no Open. */
    CLOSED,
    /** 3: waiting for a Down, or a peer's Configure-Request after a failure. */
    STOPPED,
    /** 4: Terminate-Request sent after a Close. */
    CLOSING,
    /** 5: Terminate-Request sent, link to be stopped. */
    STOPPING,
    /** 6: Configure-Request sent. */
    REQ_SENT,
    /** 7: our Configure-Request acked, peer's not yet. */
    ACK_RCVD,
    /** 8: peer's Configure-Request acked, ours not yet. */
    ACK_SENT,
    /** 9: both acked; the layer is up. */
    OPENED;

    /** True in the states where the Restart timer runs (RFC 1661 §4.6). */
    public boolean restartTimerRuns() {
        return this == CLOSING || this == STOPPING || this == REQ_SENT || this == ACK_RCVD || this == ACK_SENT;
    }
}
