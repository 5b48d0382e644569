package net.vpdn.lac.process;

import net.vpdn.config.PppoeInterface;
import net.vpdn.lac.access.pppoe.FrameHeader;
import net.vpdn.lac.access.pppoe.io.PppoeInterfaceConfig;

/** A {@code pppoe-interfaces} entry as the access server takes it. */
final class PppoeSettings {
    private PppoeSettings() {
    }

    static PppoeInterfaceConfig of(PppoeInterface p) {
        return new PppoeInterfaceConfig(p.name(), p.netns(), p.vlan().isPresent() ? p.vlan().getAsInt() : FrameHeader.UNTAGGED,
                p.acName(), p.serviceNames(), p.cookieSecret().bytes(), p.maxSessions(), p.connectSpeed(),
                p.padiLimit(), p.padiLimitPerMac());
    }
}
