package net.vpdn.tests.peers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes UDP/IPv4 datagrams between 127.0.0.1 ports to a classic pcap file (link type RAW, IPv4
 * header first), so bytes made by a codec can be judged by tshark without any socket. Timestamps
 * are synthetic (one millisecond apart) so files are reproducible.
 */
public final class PcapWriter implements AutoCloseable {
    private static final int LINKTYPE_RAW = 101;
    private static final int IPV4_HEADER = 20;
    private static final int UDP_HEADER = 8;
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final OutputStream out;
    private long packets;

    private PcapWriter(OutputStream out) {
        this.out = out;
    }

    /** Creates (or replaces) the file and writes the pcap global header. */
    public static PcapWriter create(Path file) throws IOException {
        PcapWriter w = new PcapWriter(Files.newOutputStream(file));
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(LINKTYPE_RAW);
        w.out.write(h.array());
        return w;
    }

    /** Appends one datagram 127.0.0.1:srcPort -> 127.0.0.1:dstPort carrying {@code payload}. */
    public PcapWriter udp(int srcPort, int dstPort, byte[] payload) throws IOException {
        byte[] ip = ipv4Udp(srcPort, dstPort, payload);
        long micros = packets++ * 1000;
        ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        rec.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(ip.length).putInt(ip.length);
        out.write(rec.array());
        out.write(ip);
        return this;
    }

    /** An IPv4 packet (valid header checksum) holding a UDP datagram (valid checksum) on loopback. */
    public static byte[] ipv4Udp(int srcPort, int dstPort, byte[] payload) {
        int udpLen = UDP_HEADER + payload.length;
        ByteBuffer b = ByteBuffer.allocate(IPV4_HEADER + udpLen);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (IPV4_HEADER + udpLen))
                .putShort((short) 0).putShort((short) 0x4000)          // id 0, don't fragment
                .put((byte) 64).put((byte) 17).putShort((short) 0)     // TTL, UDP, checksum filled below
                .put(LOOPBACK).put(LOOPBACK);
        b.putShort(10, (short) checksum(b.array(), 0, IPV4_HEADER, 0));
        b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) udpLen).putShort((short) 0).put(payload);
        // UDP checksum over the pseudo-header (src, dst, protocol, length) and the datagram, RFC 768
        long pseudo = 0x7f00 + 0x0001 + 0x7f00 + 0x0001 + 17 + udpLen;
        int sum = checksum(b.array(), IPV4_HEADER, udpLen, pseudo);
        b.putShort(IPV4_HEADER + 6, (short) (sum == 0 ? 0xffff : sum));
        return b.array();
    }

    private static int checksum(byte[] data, int off, int len, long initial) {
        long sum = initial;
        for (int i = 0; i < len; i += 2) {
            int hi = data[off + i] & 0xff;
            int lo = i + 1 < len ? data[off + i + 1] & 0xff : 0;
            sum += (hi << 8) | lo;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
