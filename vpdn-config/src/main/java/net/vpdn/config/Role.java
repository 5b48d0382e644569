package net.vpdn.config;

/** Which process a configuration is for: the L2TP Access Concentrator or the L2TP Network Server. */
public enum Role {
    /** L2TP Access Concentrator: receives dial-in PPP and tunnels it to an LNS (Cisco {@code request-dialin}). */
    LAC,
    /** L2TP Network Server: terminates tunnels from LACs and their PPP sessions (Cisco {@code accept-dialin}). */
    LNS;

    /** The spelling used in the file: {@code lac} or {@code lns}. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
