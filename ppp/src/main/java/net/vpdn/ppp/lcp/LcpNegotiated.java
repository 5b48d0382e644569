package net.vpdn.ppp.lcp;

import java.util.Optional;
import net.vpdn.ppp.wire.PppFraming;

/**
 * What LCP agreed, once both Configure-Requests were acked.
 *
 * @param localMru the MRU the peer agreed we receive
 * @param peerMru the largest frame we may send the peer
 * @param localMagic our Magic-Number, 0 when not negotiated
 * @param peerMagic the peer's Magic-Number, 0 when not negotiated
 * @param rxPfc the peer may send us compressed protocol fields
 * @param rxAcfc the peer may omit address/control towards us
 * @param txPfc we may compress protocol fields towards the peer
 * @param txAcfc we may omit address/control towards the peer
 * @param authOfPeer the method the peer must authenticate with (we are authenticator)
 * @param authOfUs the method we must authenticate with (the peer is authenticator)
 */
public record LcpNegotiated(int localMru, int peerMru, long localMagic, long peerMagic,
                            boolean rxPfc, boolean rxAcfc, boolean txPfc, boolean txAcfc,
                            Optional<AuthMethod> authOfPeer, Optional<AuthMethod> authOfUs) {

    /** The frame codec settings these results imply; receive stays liberal as RFC 1661 §6.5/§6.6 allow. */
    public PppFraming framing() {
        return new PppFraming(true, true, !txAcfc, txPfc);
    }
}
