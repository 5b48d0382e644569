package net.vpdn.aaa.radius;

import java.util.ArrayList;
import java.util.List;
import net.vpdn.aaa.acct.AccountingRecord;
import net.vpdn.aaa.tunnel.Tagged;
import net.vpdn.aaa.tunnel.TunnelAttributes;
import net.vpdn.aaa.tunnel.TunnelSet;
import net.vpdn.ppp.wire.Octets;
import org.tinyradius.core.attribute.type.RadiusAttribute;

/** An {@link AccountingRecord} as Accounting-Request attributes (RFC 2866 §5, RFC 2867 §4, RFC 2869 §5.1). */
public final class AccountingAttributes {
    private AccountingAttributes() {
    }

    /** The attributes of {@code record}, sent {@code delaySeconds} after the event. */
    public static List<RadiusAttribute> of(AccountingRecord record, long delaySeconds) {
        List<RadiusAttribute> out = new ArrayList<>();
        out.add(Attributes.integer("Acct-Status-Type", record.status().value()));
        out.add(Attributes.text("Acct-Session-Id", record.acctSessionId()));
        record.userName().ifPresent(u -> out.add(Attributes.text("User-Name", u)));
        record.framedAddress().ifPresent(a -> out.add(Attributes.octets("Framed-IP-Address", a.getAddress())));
        out.add(Attributes.integer("Acct-Delay-Time", Math.min(delaySeconds, 0xFFFF_FFFFL)));
        if (record.status() != AccountingRecord.Status.START && record.status() != AccountingRecord.Status.TUNNEL_START
                && record.status() != AccountingRecord.Status.TUNNEL_LINK_START) {
            addCounters(out, record);
        }
        record.terminateCause().ifPresent(c -> out.add(Attributes.integer("Acct-Terminate-Cause", c)));
        record.tunnel().ifPresent(t -> addTunnel(out, t));
        return out;
    }

    private static void addCounters(List<RadiusAttribute> out, AccountingRecord record) {
        AccountingRecord.Counters c = record.counters();
        out.add(Attributes.integer("Acct-Session-Time", record.sessionTime().toSeconds()));
        out.add(Attributes.integer("Acct-Input-Octets", c.inputOctets() & 0xFFFF_FFFFL));
        out.add(Attributes.integer("Acct-Output-Octets", c.outputOctets() & 0xFFFF_FFFFL));
        out.add(Attributes.integer("Acct-Input-Gigawords", c.inputOctets() >>> 32));
        out.add(Attributes.integer("Acct-Output-Gigawords", c.outputOctets() >>> 32));
        out.add(Attributes.integer("Acct-Input-Packets", c.inputPackets() & 0xFFFF_FFFFL));
        out.add(Attributes.integer("Acct-Output-Packets", c.outputPackets() & 0xFFFF_FFFFL));
    }

    /** RFC 2867 §4: the tunnel attributes of the session, untagged (Tagged adds a 0 tag only where needed). */
    private static void addTunnel(List<RadiusAttribute> out, AccountingRecord.TunnelInfo t) {
        out.add(tunnel(TunnelAttributes.TUNNEL_TYPE, Tagged.encodeInteger(0, TunnelSet.TYPE_L2TP)));
        out.add(tunnel(TunnelAttributes.TUNNEL_MEDIUM_TYPE, Tagged.encodeInteger(0, TunnelSet.MEDIUM_IPV4)));
        out.add(tunnel(TunnelAttributes.TUNNEL_CLIENT_ENDPOINT, Tagged.encodeString(0, t.clientEndpoint())));
        out.add(tunnel(TunnelAttributes.TUNNEL_SERVER_ENDPOINT, Tagged.encodeString(0, t.serverEndpoint())));
        out.add(Attributes.text("Acct-Tunnel-Connection", t.connectionId()));
        t.clientAuthId().ifPresent(s -> out.add(tunnel(TunnelAttributes.TUNNEL_CLIENT_AUTH_ID, Tagged.encodeString(0, s))));
        t.serverAuthId().ifPresent(s -> out.add(tunnel(TunnelAttributes.TUNNEL_SERVER_AUTH_ID, Tagged.encodeString(0, s))));
        t.assignmentId().ifPresent(s -> out.add(tunnel(TunnelAttributes.TUNNEL_ASSIGNMENT_ID, Tagged.encodeString(0, s))));
    }

    private static RadiusAttribute tunnel(int type, Octets value) {
        return Attributes.raw(type, value);
    }
}
