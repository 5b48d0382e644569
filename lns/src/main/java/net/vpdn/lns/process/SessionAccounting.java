package net.vpdn.lns.process;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import net.vpdn.aaa.Accounting;
import net.vpdn.aaa.acct.AccountingRecord;
import net.vpdn.l2tp.LogText;
import net.vpdn.lns.LnsSessionInfo;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.vtemplate.TerminateCause;
import net.vpdn.vtemplate.VirtualAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session accounting (RFC 2866 Start/Interim-Update/Stop with the RFC 2867 tunnel attributes) and the structured
 * session-up/session-down log lines. Called on the event loop; {@link Accounting} only queues.
 */
final class SessionAccounting {
    private static final Logger LOG = LoggerFactory.getLogger("vpdn.lns.session");

    private final Accounting accounting;
    private final String serverEndpoint;

    SessionAccounting(Accounting accounting, String serverEndpoint) {
        this.accounting = accounting;
        this.serverEndpoint = serverEndpoint;
    }

    void started(Call call, LnsSessionInfo info) {
        LOG.info("event=session-up tunnel={} session={} group={} user={} interface={} address={} acct-session-id={}",
                info.call().tunnelId(), info.call().sessionId(), call.group, LogText.value(info.user()), info.interfaceName(),
                info.peerAddress(), call.acctSessionId);
        accounting.account(record(AccountingRecord.Status.START, call, info, AccountingRecord.Counters.ZERO,
                Duration.ZERO, OptionalInt.empty(), info.startedNanos()));
    }

    void stopped(Call call, LnsSessionInfo info, TerminateCause cause, VirtualAccess.Counters c, long nowNanos) {
        Duration time = Duration.ofNanos(Math.max(0, nowNanos - info.startedNanos()));
        LOG.info("event=session-down tunnel={} session={} group={} user={} interface={} address={} cause={} seconds={}"
                        + " octets-in={} octets-out={}", info.call().tunnelId(), info.call().sessionId(), call.group,
                LogText.value(info.user()), info.interfaceName(), info.peerAddress(), cause, time.toSeconds(), c.octetsIn(),
                c.octetsOut());
        accounting.account(record(AccountingRecord.Status.STOP, call, info, counters(c), time,
                OptionalInt.of(cause.radiusValue()), nowNanos));
    }

    /** RFC 2866 Interim-Update: the counters and session time so far. */
    void interim(Call call, LnsSessionInfo info, VirtualAccess.Counters c, long nowNanos) {
        Duration time = Duration.ofNanos(Math.max(0, nowNanos - info.startedNanos()));
        LOG.debug("event=session-interim tunnel={} session={} user={} seconds={} octets-in={} octets-out={}",
                info.call().tunnelId(), info.call().sessionId(), LogText.value(info.user()), time.toSeconds(), c.octetsIn(),
                c.octetsOut());
        accounting.account(record(AccountingRecord.Status.INTERIM_UPDATE, call, info, counters(c), time,
                OptionalInt.empty(), nowNanos));
    }

    private static AccountingRecord.Counters counters(VirtualAccess.Counters c) {
        return new AccountingRecord.Counters(c.octetsIn(), c.octetsOut(), c.packetsIn(), c.packetsOut());
    }

    private AccountingRecord record(AccountingRecord.Status status, Call call, LnsSessionInfo info,
                                    AccountingRecord.Counters counters, Duration time, OptionalInt cause, long now) {
        String user = info.user();
        AccountingRecord.TunnelInfo tunnel = new AccountingRecord.TunnelInfo(
                call.l2tp.tunnel().peer().getAddress().getHostAddress(), serverEndpoint,
                info.call().tunnelId() + "/" + info.call().sessionId(),
                Optional.of(info.call().tunnelPeer()), Optional.empty(), Optional.empty());
        return new AccountingRecord(status, call.acctSessionId, user.isEmpty() ? Optional.empty() : Optional.of(user),
                Optional.of(inet(info.peerAddress())), counters, time, cause, Optional.of(tunnel), now);
    }

    static Inet4Address inet(Ipv4Address a) {
        int b = a.bits();
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) (b >>> 24), (byte) (b >>> 16), (byte) (b >>> 8), (byte) b});
        } catch (UnknownHostException e) {
            throw new AssertionError("4 bytes are always an address", e);
        }
    }
}
