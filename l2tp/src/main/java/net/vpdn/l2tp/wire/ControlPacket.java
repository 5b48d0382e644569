package net.vpdn.l2tp.wire;

import java.util.List;

/**
 * A control packet after the syntax layer, RFC 2661 §3.1: header fields and raw AVPs. An empty
 * AVP list is a ZLB (zero-length body) acknowledgement. The reliable transport works on this
 * level because it must sequence and acknowledge messages it cannot yet interpret.
 */
public record ControlPacket(int tunnelId, int sessionId, int ns, int nr, List<RawAvp> avps) {

    public ControlPacket {
        avps = List.copyOf(avps);
    }

    /** Whether this is a zero-length-body acknowledgement. */
    public boolean isZlb() {
        return avps.isEmpty();
    }
}
