package net.vpdn.aaa.acct;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One accounting event for a session (RFC 2866) or a tunnel/link (RFC 2867).
 *
 * @param status          Acct-Status-Type
 * @param acctSessionId   Acct-Session-Id (for tunnel records: the tunnel's id)
 * @param userName        User-Name, when a user is involved
 * @param framedAddress   Framed-IP-Address
 * @param counters        octets and packets (Gigawords are derived when encoding)
 * @param sessionTime     Acct-Session-Time
 * @param terminateCause  Acct-Terminate-Cause (RFC 2866 §5.10 values), for Stop records
 * @param tunnel          the tunnel attributes of RFC 2867 §3, for tunnel records and tunnelled sessions
 * @param queuedAtNanos   when it was queued (monotonic), for Acct-Delay-Time
 */
public record AccountingRecord(Status status, String acctSessionId, Optional<String> userName,
                               Optional<Inet4Address> framedAddress, Counters counters, Duration sessionTime,
                               OptionalInt terminateCause, Optional<TunnelInfo> tunnel, long queuedAtNanos) {
    public AccountingRecord {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(acctSessionId, "acctSessionId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(framedAddress, "framedAddress");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(sessionTime, "sessionTime");
        Objects.requireNonNull(terminateCause, "terminateCause");
        Objects.requireNonNull(tunnel, "tunnel");
    }

    /** Acct-Status-Type values, RFC 2866 §5.1 and RFC 2867 §4.1. */
    public enum Status {
        START(1), STOP(2), INTERIM_UPDATE(3), TUNNEL_START(9), TUNNEL_STOP(10), TUNNEL_REJECT(11),
        TUNNEL_LINK_START(12), TUNNEL_LINK_STOP(13), TUNNEL_LINK_REJECT(14);

        private final int value;

        Status(int value) {
            this.value = value;
        }

        public int value() {
            return value;
        }
    }

    /** Traffic counters; octets are 64-bit here and split into Gigawords on the wire (RFC 2869 §5.1). */
    public record Counters(long inputOctets, long outputOctets, long inputPackets, long outputPackets) {
        /** No traffic. */
        public static final Counters ZERO = new Counters(0, 0, 0, 0);
    }

    /**
     * The tunnel a session runs in, or the tunnel being accounted (RFC 2867 §3).
     *
     * @param clientEndpoint    Tunnel-Client-Endpoint (the LAC address)
     * @param serverEndpoint    Tunnel-Server-Endpoint (the LNS address)
     * @param connectionId      Acct-Tunnel-Connection (e.g. tunnel id and session id)
     * @param clientAuthId      Tunnel-Client-Auth-ID
     * @param serverAuthId      Tunnel-Server-Auth-ID
     * @param assignmentId      Tunnel-Assignment-ID
     */
    public record TunnelInfo(String clientEndpoint, String serverEndpoint, String connectionId,
                             Optional<String> clientAuthId, Optional<String> serverAuthId, Optional<String> assignmentId) { }
}
