package net.vpdn.lac.access.emulator;

import java.time.Duration;
import java.util.Optional;
import net.vpdn.lac.access.HangupCause;
import net.vpdn.ppp.ipcp.Ipv4Address;

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
 */
public record SubscriberReport(String user, boolean ipcpUp, Optional<Ipv4Address> address, Optional<Ipv4Address> gateway,
                               int pingsSent, int pingsAnswered, boolean terminateRequestSeen, boolean authFailureSeen,
                               Optional<HangupCause> droppedBy, Optional<Duration> setupTime) {

    /** IPCP came up, every echo was answered and we hung up ourselves. */
    public boolean succeeded() {
        return ipcpUp && pingsAnswered == pingsSent && droppedBy.isEmpty();
    }
}
