package net.vpdn.aaa.radius;

import org.tinyradius.core.packet.RadiusPacket;

/** The outcome of decoding or verifying a RADIUS datagram through {@link RadiusWire}: never an exception. */
public sealed interface DecodeResult {

    /** A well-formed (and, where asked, verified) packet, as TinyRadius parsed it. */
    record Decoded(RadiusPacket<?> packet) implements DecodeResult {
        /** The packet code (RFC 2865 §3), 0-255. */
        public int code() {
            return packet.getType() & 0xFF;
        }

        /** The packet identifier, 0-255. */
        public int identifier() {
            return packet.getId() & 0xFF;
        }
    }

    /** Discarded, with the reason (a metric label) and a precise detail for the log. */
    record Malformed(DropReason reason, String detail) implements DecodeResult { }
}
