package net.vpdn.config;

/**
 * Whether the LNS renegotiates LCP with the client or accepts the LCP state proxied by the LAC
 * (Proxy LCP AVPs, RFC 2661 §4.4.5). Cisco: {@code lcp renegotiation {always | on-mismatch}}.
 */
public enum LcpRenegotiation {
    /** Always use the proxied LCP state; a session whose proxied LCP is unacceptable is refused. */
    NEVER("never"),
    /** Use the proxied LCP state when it suits the virtual template, renegotiate otherwise. */
    ON_MISMATCH("on-mismatch"),
    /** Always renegotiate LCP with the client, ignoring the proxied state. */
    ALWAYS("always");

    private final String configName;

    LcpRenegotiation(String configName) {
        this.configName = configName;
    }

    /** The spelling used in the file. */
    public String configName() {
        return configName;
    }
}
