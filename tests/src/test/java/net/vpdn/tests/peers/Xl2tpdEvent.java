package net.vpdn.tests.peers;

/**
 * What xl2tpd 1.3.18 reports in its log (run with {@code -D} and {@code debug avp = yes}), one record
 * per kind of line. The exact lines are listed in {@code tests/README.md}; {@link Xl2tpdLog} parses them.
 * Tunnel and call ids are as xl2tpd prints them: "local" is xl2tpd's own id, "remote" the peer's.
 */
public sealed interface Xl2tpdEvent {

    /** "Listening on IP address A, port P": the UDP socket is bound. */
    record Listening(String address, int port) implements Xl2tpdEvent { }

    /** "Connection established to A, P.  Local: L, Remote: R": SCCRQ/SCCRP/SCCCN completed. */
    record TunnelEstablished(String peerAddress, int peerPort, int localTunnelId, int remoteTunnelId)
            implements Xl2tpdEvent { }

    /** "Call established with A, [PID: n, ]Local: L, Remote: R, Serial: S": ICRQ/ICRP/ICCN completed. */
    record CallEstablished(String peerAddress, int localSessionId, int remoteSessionId, int serial)
            implements Xl2tpdEvent { }

    /**
     * "child_handler : pppd exited for call C with code N". On a host without /dev/ppp, pppd exits
     * with code 4 (EXIT_NO_KERNEL_SUPPORT) right after the call is up; xl2tpd then sends a CDN.
     */
    record PppdExited(int callId, int exitCode) implements Xl2tpdEvent {
        /** pppd's exit status for "no kernel support for PPP". */
        public static final int NO_KERNEL_SUPPORT = 4;

        /** Whether this is the benign end expected on a host without kernel PPP. */
        public boolean noKernelPpp() {
            return exitCode == NO_KERNEL_SUPPORT;
        }
    }

    /** pppd's stderr "You need to create the /dev/ppp device node": the host has no kernel PPP. */
    record PppdNoDevPpp() implements Xl2tpdEvent { }

    /** "call_close: Call L to A disconnected": xl2tpd sent a CDN for its call L. */
    record CallClosedLocally(int localSessionId) implements Xl2tpdEvent { }

    /** "control_finish: Connection closed to A, serial S (msg)": xl2tpd received a CDN. */
    record CallClosedByPeer(int serial, String message) implements Xl2tpdEvent { }

    /**
     * "Connection R closed to A, port P (msg)": xl2tpd sent a StopCCN on tunnel R (the peer's id);
     * {@code message} is the Error Message it put in the Result Code AVP ("Goodbye!" for a hang-up,
     * "Invalid challenge authentication" for a bad Challenge Response).
     */
    record TunnelClosedLocally(int remoteTunnelId, int peerPort, String message) implements Xl2tpdEvent { }

    /** "control_finish: Connection closed to A, port P (msg), Local: L, Remote: R": xl2tpd received a StopCCN. */
    record TunnelClosedByPeer(int peerPort, String message, int localTunnelId, int remoteTunnelId)
            implements Xl2tpdEvent { }

    /**
     * "result_code_avp: peer closing for reason N (text), error = E (msg)" (needs {@code debug avp}):
     * the Result Code AVP of a received StopCCN or CDN.
     */
    record PeerResultCode(int resultCode, int errorCode, String errorMessage) implements Xl2tpdEvent { }

    /** "control_finish: Invalid authentication for host 'H'": the peer's Challenge Response was wrong. */
    record TunnelAuthFailed(String peerHostname) implements Xl2tpdEvent { }

    /** "Maximum retries exceeded for tunnel T.  Closing.": the peer stopped acknowledging. */
    record RetriesExceeded(int tunnelId) implements Xl2tpdEvent { }

    /**
     * A control message arrived again (its Ns is behind the one expected): a retransmission whose
     * first copy got through. xl2tpd then logs "bad control packet!" for it, which is no protocol
     * error; the harness drops that line.
     */
    record DuplicateReceived(int tunnelId, int got, int expected) implements Xl2tpdEvent { }

    /**
     * A line that means xl2tpd rejected something on the wire ("bad AVP handling", "Bad exit status
     * handling attribute", "bad packet", "unable to find call or tunnel", ...). A correct peer that
     * closes cleanly never triggers one, except "bad packet" right after a failed tunnel authentication.
     */
    record ProtocolProblem(String line) implements Xl2tpdEvent { }

    /** "death_handler: Fatal signal N received": xl2tpd is exiting (it sends no StopCCN on SIGTERM). */
    record Terminated(int signal) implements Xl2tpdEvent { }
}
