package net.vpdn.l2tp.transport;

/**
 * Slow start and congestion avoidance for control messages, RFC 2661 Appendix A.
 *
 * <p>The congestion window starts at 1 and the slow-start threshold at the peer's receive
 * window. Below the threshold each acknowledged message widens the window by one (slow
 * start); at or above it the window widens by one per window's worth of acknowledgements
 * (congestion avoidance). A retransmission timeout halves the threshold and shrinks the window
 * back to 1. The window never exceeds the peer's advertised receive window, and the sender
 * never has more than {@link #effective()} messages outstanding.
 */
final class CongestionWindow {

    private int peerWindow;
    private int cwnd = 1;
    private int ssthresh;
    private int avoidanceAcks;
    private boolean congestionSeen;

    CongestionWindow(int peerWindow) {
        this.peerWindow = peerWindow;
        this.ssthresh = peerWindow;
    }

    int cwnd() {
        return cwnd;
    }

    int ssthresh() {
        return ssthresh;
    }

    int peerWindow() {
        return peerWindow;
    }

    /** How many messages may be outstanding now: min(cwnd, peer receive window). */
    int effective() {
        return Math.min(cwnd, peerWindow);
    }

    /** One outstanding message was acknowledged. */
    void onAck() {
        if (cwnd < ssthresh) {
            cwnd++;
        } else if (++avoidanceAcks >= cwnd) {
            avoidanceAcks = 0;
            cwnd++;
        }
        cwnd = Math.min(cwnd, peerWindow);
    }

    /** A retransmission timeout: the path is taken to be congested. */
    void onTimeout() {
        ssthresh = Math.max(cwnd / 2, 1);
        cwnd = 1;
        avoidanceAcks = 0;
        congestionSeen = true;
    }

    /** The peer announced its receive window; it bounds cwnd and, before any loss, seeds ssthresh. */
    void setPeerWindow(int window) {
        peerWindow = window;
        ssthresh = congestionSeen ? Math.min(ssthresh, window) : window;
        cwnd = Math.min(cwnd, window);
    }
}
