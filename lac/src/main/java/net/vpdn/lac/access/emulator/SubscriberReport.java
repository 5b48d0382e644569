package net.vpdn.lac.access.emulator;

import java.time.Duration;
import java.util.Optional;
import net.vpdn.lac.access.HangupCause;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.lcp.AuthMethod;

/**
 * How one emulated call went.
 *
 * @param user                 the subscriber
 * @param ipcpUp               whether IPCP opened
 * @param address              the address IPCP gave us
 * @param gateway              the LNS's address (IPCP peer address), pinged
 * @param pingsSent            echoes sent
 * @param pingsAnswered        echo replies received
 * @param terminateRequestSeen whether the network sent us an LCP Terminate-Request
 * @param authFailureSeen      whether we saw CHAP Failure or PAP Authenticate-Nak
 * @param droppedBy            who dropped the line: empty when we hung up, else the LAC's cause
 * @param setupTime            from dialling to IPCP opened, when it opened
 * @param auth                 how the subscriber authenticated (its profile's method)
 * @param dialledAtNanos       when it dialled, on the loop's clock (setup rates are measured from it)
 */
public record SubscriberReport(String user, boolean ipcpUp, Optional<Ipv4Address> address, Optional<Ipv4Address> gateway,
                               int pingsSent, int pingsAnswered, boolean terminateRequestSeen, boolean authFailureSeen,
                               Optional<HangupCause> droppedBy, Optional<Duration> setupTime, AuthMethod auth,
                               long dialledAtNanos) {

    /** A CHAP subscriber's report without a dial time (tests of the summary). */
    public SubscriberReport(String user, boolean ipcpUp, Optional<Ipv4Address> address, Optional<Ipv4Address> gateway,
                            int pingsSent, int pingsAnswered, boolean terminateRequestSeen, boolean authFailureSeen,
                            Optional<HangupCause> droppedBy, Optional<Duration> setupTime) {
        this(user, ipcpUp, address, gateway, pingsSent, pingsAnswered, terminateRequestSeen, authFailureSeen, droppedBy,
                setupTime, AuthMethod.CHAP_MD5, 0);
    }

    /** IPCP came up, every echo was answered and we hung up ourselves. */
    public boolean succeeded() {
        return ipcpUp && pingsAnswered == pingsSent && droppedBy.isEmpty();
    }
}
