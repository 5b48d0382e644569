package net.vpdn.aaa.wire;

/** The outcome of decoding or verifying a RADIUS datagram: never an exception. */
public sealed interface DecodeResult {

    /** A well-formed packet. */
    record Decoded(RadiusPacket packet) implements DecodeResult { }

    /** Discarded, with the reason (a metric label) and a precise detail for the log. */
    record Malformed(DropReason reason, String detail) implements DecodeResult { }
}
