package net.vpdn.metrics;

/** Why an LNS refused a tunnel (SCCRQ): the {@code result} label of {@code vpdn_tunnel_setups_total}. */
public enum TunnelRefusal {
    /** No vpdn-group terminates the LAC's host name. */
    NO_GROUP,
    /** The group's tunnel-limit was reached. */
    TUNNEL_LIMIT
}
