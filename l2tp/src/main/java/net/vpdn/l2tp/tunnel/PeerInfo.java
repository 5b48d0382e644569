package net.vpdn.l2tp.tunnel;

import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.wire.ControlMessage;

/** What the peer told us in its SCCRQ or SCCRP, RFC 2661 §6.1/§6.2. Mutable, owned by one {@link TunnelFsm}. */
final class PeerInfo {
    /** §4.4.3: a peer that sends no Receive Window Size has a window of 4. */
    static final int DEFAULT_RECEIVE_WINDOW = 4;

    int tunnelId;
    String hostName;
    int receiveWindow = DEFAULT_RECEIVE_WINDOW;
    String vendorName = "";
    int firmwareRevision = -1;
    Avp.FramingCapabilities framing;
    Avp.BearerCapabilities bearer;

    void adopt(ControlMessage m) {
        m.find(Avp.AssignedTunnelId.class).ifPresent(a -> tunnelId = a.tunnelId());
        m.find(Avp.HostName.class).ifPresent(h -> hostName = h.name());
        m.find(Avp.ReceiveWindowSize.class).ifPresent(w -> receiveWindow = w.size());
        m.find(Avp.VendorName.class).ifPresent(v -> vendorName = v.name());
        m.find(Avp.FirmwareRevision.class).ifPresent(f -> firmwareRevision = f.revision());
        m.find(Avp.FramingCapabilities.class).ifPresent(f -> framing = f);
        m.find(Avp.BearerCapabilities.class).ifPresent(b -> bearer = b);
    }

    TunnelAction.Established established() {
        return new TunnelAction.Established(hostName == null ? "" : hostName, tunnelId, receiveWindow, vendorName,
                firmwareRevision, framing, bearer);
    }
}
