package net.vpdn.config;

import java.net.InetAddress;
import java.time.Duration;

/**
 * L2TP listener and control-connection timers (file section {@code l2tp}). Timers apply to tunnels
 * opened after they are set.
 *
 * @param listenAddress      UDP address to bind; {@code 0.0.0.0} binds all IPv4 addresses
 * @param listenPort         UDP port to bind, 0 = any free port (a LAC may use any source port, RFC 2661 §8.1)
 * @param helloInterval      idle time after which a HELLO is sent (RFC 2661 §6.5; Cisco {@code l2tp tunnel hello})
 * @param retransmitInitial  first retransmission timeout of a control message (RFC 2661 §5.8)
 * @param retransmitCap      upper bound of the doubling retransmission timeout
 * @param retransmitRetries  retransmissions before the tunnel is declared dead
 *                           (Cisco {@code l2tp tunnel retransmit retries})
 * @param receiveWindow      control-message receive window we advertise (RFC 2661 §5.8 Receive Window Size)
 * @param callSetupTimeout   LAC: the most a call may take from the subscriber's line coming up to the LNS's
 *                           connect (PPP, selection, tunnel and ICRQ/ICCN together); then it is cleared
 * @param maxCallsInSetup    LNS admission control: calls between ICRQ and IPCP up at once; one more ICRQ is
 *                           cleared with CDN result 4 (temporary lack of resources), which a LAC retries
 * @param maxSessions        LNS: the most sessions (Virtual-Access interfaces) the process holds at once
 */
public record L2tpSettings(
        InetAddress listenAddress,
        int listenPort,
        Duration helloInterval,
        Duration retransmitInitial,
        Duration retransmitCap,
        int retransmitRetries,
        int receiveWindow,
        Duration callSetupTimeout,
        int maxCallsInSetup,
        int maxSessions) {
    /** The IANA L2TP port, RFC 2661 §8.1. */
    public static final int L2TP_PORT = 1701;

    /** Settings with the default call setup timeout and LNS limits. */
    public L2tpSettings(InetAddress listenAddress, int listenPort, Duration helloInterval, Duration retransmitInitial,
                        Duration retransmitCap, int retransmitRetries, int receiveWindow) {
        this(listenAddress, listenPort, helloInterval, retransmitInitial, retransmitCap, retransmitRetries, receiveWindow,
                Defaults.CALL_SETUP_TIMEOUT, Defaults.MAX_CALLS_IN_SETUP, Defaults.MAX_SESSIONS);
    }
}
