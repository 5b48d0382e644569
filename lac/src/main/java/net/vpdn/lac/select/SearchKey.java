package net.vpdn.lac.select;

/** What a local vpdn lookup matches on, in the configured search order. */
public enum SearchKey {
    /** The user name's domain. */
    DOMAIN,
    /** The Called Number (DNIS). */
    DNIS
}
