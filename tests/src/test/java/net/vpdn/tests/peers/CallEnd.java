package net.vpdn.tests.peers;

/**
 * How an xl2tpd call ended, as told by {@link Xl2tpd#awaitCallEnd}. On a host without kernel PPP every
 * call ends right after it is established; these two outcomes are the benign ones and are told apart
 * from protocol errors ({@link Xl2tpdEvent.ProtocolProblem}, a StopCCN with an error).
 */
public sealed interface CallEnd {
    /** Whether this is the expected end on a host without /dev/ppp, not a protocol problem. */
    boolean benign();

    /**
     * xl2tpd's own pppd exited (code 4: no kernel PPP) and xl2tpd sent a CDN (Result Code 1,
     * "loss of carrier", Error Code 0).
     */
    record LocalPppdExited(int exitCode) implements CallEnd {
        @Override
        public boolean benign() {
            return exitCode == Xl2tpdEvent.PppdExited.NO_KERNEL_SUPPORT;
        }
    }

    /** The peer cleared the call with a CDN carrying this Result Code AVP (-1 if xl2tpd did not log it). */
    record PeerSentCdn(int resultCode, int errorCode, String errorMessage) implements CallEnd {
        @Override
        public boolean benign() {
            return resultCode == 1 || resultCode == 3;   // loss of carrier, or administrative reasons
        }
    }
}
