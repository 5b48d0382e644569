package net.vpdn.ppp.session;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.ipcp.IpcpPolicy;
import net.vpdn.ppp.lcp.LcpPolicy;

/**
 * Everything one PPP endpoint needs.
 *
 * @param lcp LCP policy (including which authentication we demand and accept)
 * @param controlProtocols Restart timer and counters shared by LCP and the NCPs
 * @param ipcp IPCP policy, or empty to Protocol-Reject IPCP
 * @param ipv6cp whether IPv6CP runs (else it is Protocol-Rejected)
 * @param keepaliveInterval LCP echo period
 * @param keepaliveMisses unanswered echoes before the dead-peer verdict
 * @param auth PAP/CHAP retransmission settings
 * @param hostName the Name in our CHAP Challenges
 * @param credentials our user name and secret, when the peer authenticates us
 * @param lacMode stop once the client's authentication data is in and emit {@link PppOutput.HandOff}
 *     instead of verifying it (RFC 2661 §4.4.5)
 */
public record PppSessionConfig(LcpPolicy lcp, CpConfig controlProtocols, Optional<IpcpPolicy> ipcp, boolean ipv6cp,
                               Duration keepaliveInterval, int keepaliveMisses, AuthTiming auth, String hostName,
                               Optional<Credentials> credentials, boolean lacMode) {

    /** A user name and secret for authenticating ourselves. */
    public record Credentials(String user, Secret secret) {
        public Credentials {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(secret, "secret");
        }
    }

    public PppSessionConfig {
        Objects.requireNonNull(lcp, "lcp");
        Objects.requireNonNull(controlProtocols, "controlProtocols");
        Objects.requireNonNull(ipcp, "ipcp");
        Objects.requireNonNull(keepaliveInterval, "keepaliveInterval");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(credentials, "credentials");
    }
}
