package net.vpdn.lns.ip;

import io.netty.buffer.ByteBuf;

/**
 * IPv4 header checks and the Internet checksum (RFC 791 §3.1, RFC 1071) over a {@link ByteBuf}'s
 * readable bytes, in place and without allocation. Total: garbage gives a drop reason, never an
 * exception.
 */
public final class Ipv4Packets {
    /** Header length without options. */
    public static final int MIN_HEADER = 20;
    /** IP protocol number of ICMP. */
    public static final int PROTO_ICMP = 1;
    static final int OFF_TOTAL_LENGTH = 2;
    static final int OFF_FRAGMENT = 6;
    static final int OFF_TTL = 8;
    static final int OFF_PROTOCOL = 9;
    static final int OFF_CHECKSUM = 10;
    static final int OFF_SOURCE = 12;
    static final int OFF_DESTINATION = 16;

    private Ipv4Packets() {
    }

    /**
     * Checks the header of the packet in {@code buf}'s readable bytes; returns null when it is sound
     * (and trims link-layer padding beyond Total Length), else the reason to drop it.
     */
    public static IpDropReason check(ByteBuf buf) {
        int at = buf.readerIndex();
        int readable = buf.readableBytes();
        if (readable < MIN_HEADER) {
            return IpDropReason.TRUNCATED;
        }
        int first = buf.getUnsignedByte(at);
        if (first >>> 4 != 4) {
            return IpDropReason.NOT_IPV4;
        }
        int headerLength = (first & 0x0F) * 4;
        if (headerLength < MIN_HEADER || headerLength > readable) {
            return IpDropReason.BAD_HEADER_LENGTH;
        }
        int total = buf.getUnsignedShort(at + OFF_TOTAL_LENGTH);
        if (total < headerLength || total > readable) {
            return IpDropReason.BAD_TOTAL_LENGTH;
        }
        if (checksum(buf, at, headerLength) != 0) {
            return IpDropReason.BAD_CHECKSUM;
        }
        buf.writerIndex(at + total);
        return null;
    }

    public static int headerLength(ByteBuf buf) {
        return (buf.getUnsignedByte(buf.readerIndex()) & 0x0F) * 4;
    }

    public static int source(ByteBuf buf) {
        return buf.getInt(buf.readerIndex() + OFF_SOURCE);
    }

    public static int destination(ByteBuf buf) {
        return buf.getInt(buf.readerIndex() + OFF_DESTINATION);
    }

    public static int protocol(ByteBuf buf) {
        return buf.getUnsignedByte(buf.readerIndex() + OFF_PROTOCOL);
    }

    public static int ttl(ByteBuf buf) {
        return buf.getUnsignedByte(buf.readerIndex() + OFF_TTL);
    }

    /** Whether the packet is a fragment (More Fragments set or a non-zero offset). */
    public static boolean isFragment(ByteBuf buf) {
        return (buf.getUnsignedShort(buf.readerIndex() + OFF_FRAGMENT) & 0x3FFF) != 0;
    }

    /**
     * Decrements TTL and adjusts the header checksum incrementally (RFC 1624 eqn. 3: the TTL/Protocol
     * word drops by 0x0100, so the checksum rises by 0x0100 in ones' complement).
     */
    public static void decrementTtl(ByteBuf buf) {
        int at = buf.readerIndex();
        buf.setByte(at + OFF_TTL, ttl(buf) - 1);
        int sum = buf.getUnsignedShort(at + OFF_CHECKSUM) + 0x0100;
        buf.setShort(at + OFF_CHECKSUM, (sum + (sum >>> 16)) & 0xFFFF);
    }

    /** Recomputes the header checksum. */
    public static void fillHeaderChecksum(ByteBuf buf) {
        int at = buf.readerIndex();
        buf.setShort(at + OFF_CHECKSUM, 0);
        buf.setShort(at + OFF_CHECKSUM, checksum(buf, at, headerLength(buf)));
    }

    /**
     * The Internet checksum of {@code length} bytes from {@code offset} (RFC 1071): the ones'
     * complement of the ones' complement sum; 0 when the region already holds a valid checksum.
     */
    public static int checksum(ByteBuf buf, int offset, int length) {
        long sum = 0;
        int end = offset + (length & ~1);
        for (int i = offset; i < end; i += 2) {
            sum += buf.getUnsignedShort(i);
        }
        if ((length & 1) != 0) {
            sum += buf.getUnsignedByte(offset + length - 1) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }
}
