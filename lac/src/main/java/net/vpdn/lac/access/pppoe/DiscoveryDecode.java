package net.vpdn.lac.access.pppoe;

/** What {@link PppoeDecoder#discovery} made of a discovery frame's tags. */
public sealed interface DiscoveryDecode {
    record Decoded(DiscoveryPacket packet) implements DiscoveryDecode {
    }

    record Malformed(PppoeDrop reason, String detail) implements DiscoveryDecode {
    }
}
