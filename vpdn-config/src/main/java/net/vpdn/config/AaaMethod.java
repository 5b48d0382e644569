package net.vpdn.config;

/** One entry of an AAA method list (Cisco {@code aaa authentication ppp default local group radius}). */
public enum AaaMethod {
    /** The {@code local-users} of this file (and, for tunnel authorization, the {@code vpdn-groups}). */
    LOCAL("local"),
    /** The {@code radius-servers}, tried in the order listed. */
    RADIUS("radius");

    private final String configName;

    AaaMethod(String configName) {
        this.configName = configName;
    }

    /** The spelling used in the file. */
    public String configName() {
        return configName;
    }
}
