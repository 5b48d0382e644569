package net.vpdn.lac.access.pppoe.io;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.vpdn.lac.access.pppoe.FrameHeader;

/**
 * One Ethernet interface the LAC answers PPPoE on.
 *
 * @param interfaceName the Linux interface (e.g. {@code eth1}); a VLAN is tagged in-band, not a sub-interface
 * @param netns         a named network namespace the interface lives in ({@code ip netns}), if not ours
 * @param vlan          802.1Q VLAN id, or {@link FrameHeader#UNTAGGED}
 * @param acName        AC-Name tag
 * @param services      Service-Names offered (a request for any service is always offered)
 * @param cookieSecret  AC-Cookie key, at least 16 octets; never printed
 * @param maxSessions   sessions at most on the interface
 * @param connectBps    Tx Connect Speed reported to the LNS
 * @param padiLimit     PADIs answered per second on the interface, 0 = no limit
 * @param padiLimitPerMac PADIs answered per second to one client MAC, 0 = no limit
 */
public record PppoeInterfaceConfig(String interfaceName, Optional<String> netns, int vlan, String acName,
                                   List<String> services, byte[] cookieSecret, int maxSessions, long connectBps,
                                   int padiLimit, int padiLimitPerMac) {
    public PppoeInterfaceConfig {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(netns, "netns");
        services = List.copyOf(services);
        cookieSecret = cookieSecret.clone();
    }

    @Override
    public byte[] cookieSecret() {
        return cookieSecret.clone();
    }

    @Override
    public String toString() {
        return "PppoeInterfaceConfig[interface=" + interfaceName + netns.map(n -> ", netns=" + n).orElse("") + ", vlan=" + vlan
                + ", acName=" + acName + ", services=" + services + ", cookieSecret=<hidden>, maxSessions=" + maxSessions
                + ", padiLimit=" + padiLimit + ", padiLimitPerMac=" + padiLimitPerMac + "]";
    }
}
