package net.vpdn.aaa.acct;

import java.util.ArrayList;
import java.util.List;
import net.vpdn.aaa.tunnel.Tagged;
import net.vpdn.aaa.tunnel.TunnelSet;
import net.vpdn.aaa.wire.Attr;
import net.vpdn.aaa.wire.RadiusAttribute;
import net.vpdn.ppp.wire.Octets;

/** An {@link AccountingRecord} as Accounting-Request attributes (RFC 2866 §5, RFC 2867 §4, RFC 2869 §5.1). Pure. */
public final class AccountingAttributes {
    private AccountingAttributes() {
    }

    /** The attributes of {@code record}, sent {@code delaySeconds} after the event. */
    public static List<RadiusAttribute> of(AccountingRecord record, long delaySeconds) {
        List<RadiusAttribute> out = new ArrayList<>();
        out.add(RadiusAttribute.integer(Attr.ACCT_STATUS_TYPE, record.status().value()));
        out.add(RadiusAttribute.text(Attr.ACCT_SESSION_ID, record.acctSessionId()));
        record.userName().ifPresent(u -> out.add(RadiusAttribute.text(Attr.USER_NAME, u)));
        record.framedAddress().ifPresent(a -> out.add(new RadiusAttribute(Attr.FRAMED_IP_ADDRESS, Octets.of(a.getAddress()))));
        out.add(RadiusAttribute.integer(Attr.ACCT_DELAY_TIME, Math.min(delaySeconds, 0xFFFF_FFFFL)));
        if (record.status() != AccountingRecord.Status.START && record.status() != AccountingRecord.Status.TUNNEL_START
                && record.status() != AccountingRecord.Status.TUNNEL_LINK_START) {
            addCounters(out, record);
        }
        record.terminateCause().ifPresent(c -> out.add(RadiusAttribute.integer(Attr.ACCT_TERMINATE_CAUSE, c)));
        record.tunnel().ifPresent(t -> addTunnel(out, t));
        return out;
    }

    private static void addCounters(List<RadiusAttribute> out, AccountingRecord record) {
        AccountingRecord.Counters c = record.counters();
        out.add(RadiusAttribute.integer(Attr.ACCT_SESSION_TIME, record.sessionTime().toSeconds()));
        out.add(RadiusAttribute.integer(Attr.ACCT_INPUT_OCTETS, c.inputOctets() & 0xFFFF_FFFFL));
        out.add(RadiusAttribute.integer(Attr.ACCT_OUTPUT_OCTETS, c.outputOctets() & 0xFFFF_FFFFL));
        out.add(RadiusAttribute.integer(Attr.ACCT_INPUT_GIGAWORDS, c.inputOctets() >>> 32));
        out.add(RadiusAttribute.integer(Attr.ACCT_OUTPUT_GIGAWORDS, c.outputOctets() >>> 32));
        out.add(RadiusAttribute.integer(Attr.ACCT_INPUT_PACKETS, c.inputPackets() & 0xFFFF_FFFFL));
        out.add(RadiusAttribute.integer(Attr.ACCT_OUTPUT_PACKETS, c.outputPackets() & 0xFFFF_FFFFL));
    }

    private static void addTunnel(List<RadiusAttribute> out, AccountingRecord.TunnelInfo t) {
        out.add(new RadiusAttribute(Attr.TUNNEL_TYPE, Tagged.encodeInteger(0, TunnelSet.TYPE_L2TP)));
        out.add(new RadiusAttribute(Attr.TUNNEL_MEDIUM_TYPE, Tagged.encodeInteger(0, TunnelSet.MEDIUM_IPV4)));
        out.add(new RadiusAttribute(Attr.TUNNEL_CLIENT_ENDPOINT, Tagged.encodeString(0, t.clientEndpoint())));
        out.add(new RadiusAttribute(Attr.TUNNEL_SERVER_ENDPOINT, Tagged.encodeString(0, t.serverEndpoint())));
        out.add(RadiusAttribute.text(Attr.ACCT_TUNNEL_CONNECTION, t.connectionId()));
        t.clientAuthId().ifPresent(s -> out.add(new RadiusAttribute(Attr.TUNNEL_CLIENT_AUTH_ID, Tagged.encodeString(0, s))));
        t.serverAuthId().ifPresent(s -> out.add(new RadiusAttribute(Attr.TUNNEL_SERVER_AUTH_ID, Tagged.encodeString(0, s))));
        t.assignmentId().ifPresent(s -> out.add(new RadiusAttribute(Attr.TUNNEL_ASSIGNMENT_ID, Tagged.encodeString(0, s))));
    }
}
