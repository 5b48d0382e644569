package net.vpdn.lns;

import io.netty.buffer.ByteBuf;

/** Finds IPv4 in a PPP frame as subscribers send it (RFC 1661 §6.5/§6.6 compression allowed). */
final class Ipv4Framing {
    private Ipv4Framing() {
    }

    /** Where the IPv4 packet starts in a frame (address/control and protocol possibly compressed), or -1. */
    static int offset(ByteBuf frame) {
        int at = frame.readerIndex();
        int end = frame.writerIndex();
        if (end - at >= 2 && frame.getUnsignedByte(at) == 0xFF && frame.getUnsignedByte(at + 1) == 0x03) {
            at += 2;
        }
        if (at < end && frame.getUnsignedByte(at) == 0x21) {
            return at + 1;
        }
        if (end - at >= 2 && frame.getUnsignedByte(at) == 0x00 && frame.getUnsignedByte(at + 1) == 0x21) {
            return at + 2;
        }
        return -1;
    }
}
