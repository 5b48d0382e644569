package net.vpdn.lac.access.pppoe;

import java.util.List;
import java.util.Optional;

/**
 * One PPPoE discovery packet (RFC 2516 §5): the Ethernet addresses and VLAN it came with or goes
 * with, CODE, SESSION_ID and the tags in order.
 */
public record DiscoveryPacket(long destination, long source, int vlan, int code, int sessionId, List<Tag> tags) {
    public DiscoveryPacket {
        tags = List.copyOf(tags);
    }

    public List<Tag> all(int type) {
        return tags.stream().filter(t -> t.type() == type).toList();
    }

    public Optional<Tag> first(int type) {
        return tags.stream().filter(t -> t.type() == type).findFirst();
    }

    /** The access line identifiers a relay (TR-101 intermediate agent) inserted, if any. */
    public LineIds lineIds() {
        for (Tag t : all(Pppoe.TAG_VENDOR_SPECIFIC)) {
            Optional<LineIds> ids = LineIds.fromVendorTag(t.value());
            if (ids.isPresent()) return ids.get();
        }
        return LineIds.NONE;
    }

    @Override
    public String toString() {
        return Pppoe.codeName(code) + "[" + Pppoe.macString(source) + " -> " + Pppoe.macString(destination)
                + (vlan >= 0 ? " vlan=" + vlan : "") + " sid=" + sessionId + " " + tags + "]";
    }
}
