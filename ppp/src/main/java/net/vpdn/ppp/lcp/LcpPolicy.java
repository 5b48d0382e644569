package net.vpdn.ppp.lcp;

import java.util.List;

/**
 * What this end asks for in LCP and what it accepts from the peer.
 *
 * @param requestMru the MRU we ask for; 0 means do not send the option (peer assumes 1500)
 * @param minPeerMru the smallest peer MRU we Ack; smaller values are Nak'd up to it
 * @param maxPeerMru the largest peer MRU we Ack; larger values are Nak'd down to it
 * @param requestMagic whether we send a Magic-Number (needed for loopback detection and echo)
 * @param requestPfc whether we ask to receive compressed protocol fields
 * @param requestAcfc whether we ask to receive compressed address/control fields
 * @param acceptPfc whether we Ack the peer's PFC (else Reject)
 * @param acceptAcfc whether we Ack the peer's ACFC (else Reject)
 * @param authenticateWith as authenticator: methods we ask the peer to use, preferred first; empty = none
 * @param authenticateAs as peer: methods we agree to authenticate ourselves with; empty = Reject the option
 * @param maxLoopbackDetections Magic-Number collisions tolerated before declaring the link looped back
 */
public record LcpPolicy(int requestMru, int minPeerMru, int maxPeerMru, boolean requestMagic,
                        boolean requestPfc, boolean requestAcfc, boolean acceptPfc, boolean acceptAcfc,
                        List<AuthMethod> authenticateWith, List<AuthMethod> authenticateAs,
                        int maxLoopbackDetections) {

    public LcpPolicy {
        authenticateWith = List.copyOf(authenticateWith);
        authenticateAs = List.copyOf(authenticateAs);
        if (requestMru < 0 || requestMru > 0xFFFF || minPeerMru < 0 || maxPeerMru > 0xFFFF || minPeerMru > maxPeerMru) {
            throw new IllegalArgumentException("MRU settings out of range: request " + requestMru
                    + ", peer " + minPeerMru + ".." + maxPeerMru);
        }
    }

    /** An LNS facing subscribers: MRU 1460 over L2TP, magic, CHAP then PAP, compression accepted. */
    public static LcpPolicy lnsDefaults(List<AuthMethod> authenticateWith) {
        return new LcpPolicy(1460, 576, 1500, true, false, false, true, true, authenticateWith, List.of(), 5);
    }

    /** A client that authenticates itself with any method it knows and requires nothing of the peer. */
    public static LcpPolicy clientDefaults() {
        return new LcpPolicy(0, 576, 1500, true, true, true, true, true, List.of(),
                List.of(AuthMethod.MSCHAP_V2, AuthMethod.CHAP_MD5, AuthMethod.PAP), 5);
    }
}
