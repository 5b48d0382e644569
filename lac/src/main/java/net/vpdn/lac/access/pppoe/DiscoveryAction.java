package net.vpdn.lac.access.pppoe;

/** What {@link Discovery} asks its shell to do: data, no side effects. */
public sealed interface DiscoveryAction {
    /** Send this whole Ethernet frame. */
    record Send(byte[] frame, int code) implements DiscoveryAction {
    }

    /** A PADS went out: the session stage begins for {@code (peer, sessionId)}. */
    record Opened(long peer, int sessionId, String serviceName, LineIds lineIds) implements DiscoveryAction {
    }

    /** The peer sent PADT for its session. */
    record Closed(long peer, int sessionId) implements DiscoveryAction {
    }

    /** The packet was not acted on. */
    record Dropped(PppoeDrop reason, String detail) implements DiscoveryAction {
    }
}
