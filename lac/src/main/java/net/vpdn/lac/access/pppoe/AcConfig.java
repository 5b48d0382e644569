package net.vpdn.lac.access.pppoe;

import java.util.List;

/**
 * What the access concentrator says and accepts in discovery (RFC 2516 §5).
 *
 * @param acMac        our MAC address on the interface
 * @param vlan         the 802.1Q VLAN id we answer on, or {@link FrameHeader#UNTAGGED}
 * @param acName       AC-Name tag value
 * @param services     service names offered; a PADI with an empty Service-Name (any service) is always offered
 * @param cookieSecret key of the AC-Cookie HMAC; never printed
 * @param maxSessions  sessions at most on this interface (1 to 65534)
 * @param padiLimit    PADIs answered per second on the interface, 0 = no limit ({@link PadiLimiter})
 * @param padiLimitPerMac PADIs answered per second to one client MAC, 0 = no limit
 */
public record AcConfig(long acMac, int vlan, String acName, List<String> services, byte[] cookieSecret, int maxSessions,
                       int padiLimit, int padiLimitPerMac) {
    public AcConfig {
        services = List.copyOf(services);
        cookieSecret = cookieSecret.clone();
        if (cookieSecret.length < 16) throw new IllegalArgumentException("the AC-Cookie secret needs at least 16 octets");
        if (maxSessions < 1 || maxSessions > 0xFFFE) throw new IllegalArgumentException("maxSessions " + maxSessions);
        if (vlan != FrameHeader.UNTAGGED && (vlan < 1 || vlan > 4094)) throw new IllegalArgumentException("vlan " + vlan);
        if (padiLimit < 0 || padiLimitPerMac < 0) throw new IllegalArgumentException("a PADI limit below 0");
        if (Pppoe.isGroup(acMac)) throw new IllegalArgumentException("the AC MAC address must be unicast");
    }

    @Override
    public byte[] cookieSecret() {
        return cookieSecret.clone();
    }

    /** Whether a client's Service-Name is one we offer (empty: any service). */
    public boolean offers(String serviceName) {
        return serviceName.isEmpty() || services.contains(serviceName);
    }

    @Override
    public String toString() {
        return "AcConfig[mac=" + Pppoe.macString(acMac) + ", vlan=" + vlan + ", acName=" + acName + ", services=" + services
                + ", cookieSecret=<hidden>, maxSessions=" + maxSessions + ", padiLimit=" + padiLimit
                + ", padiLimitPerMac=" + padiLimitPerMac + "]";
    }
}
