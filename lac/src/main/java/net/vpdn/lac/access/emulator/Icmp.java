package net.vpdn.lac.access.emulator;

import java.util.Optional;
import net.vpdn.ppp.ipcp.Ipv4Address;

/**
 * Just enough IPv4 and ICMP to ping (RFC 791 header without options, RFC 792 Echo and Echo Reply,
 * RFC 1071 checksum). The parser is total: anything that is not a well-formed echo is empty.
 */
public final class Icmp {
    /** ICMP Echo Request type. */
    public static final int ECHO_REQUEST = 8;
    /** ICMP Echo Reply type. */
    public static final int ECHO_REPLY = 0;
    private static final int IP_HEADER = 20;
    private static final int ICMP_HEADER = 8;
    private static final int PROTOCOL_ICMP = 1;

    private Icmp() {
    }

    /** A parsed echo. */
    public record Echo(int type, Ipv4Address source, Ipv4Address destination, int identifier, int sequence) { }

    /** An IPv4 packet carrying an ICMP Echo Request with {@code payload} octets of pattern. */
    public static byte[] echoRequest(Ipv4Address source, Ipv4Address destination, int identifier, int sequence, int payload) {
        byte[] p = new byte[IP_HEADER + ICMP_HEADER + payload];
        p[0] = 0x45;
        put16(p, 2, p.length);
        p[8] = 64; // TTL
        p[9] = PROTOCOL_ICMP;
        put32(p, 12, source.bits());
        put32(p, 16, destination.bits());
        put16(p, 10, checksum(p, 0, IP_HEADER));
        p[IP_HEADER] = ECHO_REQUEST;
        put16(p, IP_HEADER + 4, identifier);
        put16(p, IP_HEADER + 6, sequence);
        for (int i = 0; i < payload; i++) p[IP_HEADER + ICMP_HEADER + i] = (byte) i;
        put16(p, IP_HEADER + 2, checksum(p, IP_HEADER, p.length - IP_HEADER));
        return p;
    }

    /** The echo in {@code packet}, if it is a well-formed IPv4 ICMP echo or echo reply with good checksums. */
    public static Optional<Echo> parse(byte[] packet) {
        if (packet.length < IP_HEADER + ICMP_HEADER || (packet[0] & 0xFF) != 0x45 || packet[9] != PROTOCOL_ICMP) {
            return Optional.empty();
        }
        int total = get16(packet, 2);
        if (total < IP_HEADER + ICMP_HEADER || total > packet.length || checksum(packet, 0, IP_HEADER) != 0
                || checksum(packet, IP_HEADER, total - IP_HEADER) != 0) {
            return Optional.empty();
        }
        int type = packet[IP_HEADER] & 0xFF;
        if (type != ECHO_REQUEST && type != ECHO_REPLY) return Optional.empty();
        return Optional.of(new Echo(type, new Ipv4Address(get32(packet, 12)), new Ipv4Address(get32(packet, 16)),
                get16(packet, IP_HEADER + 4), get16(packet, IP_HEADER + 6)));
    }

    /** The Echo Reply to a well-formed Echo Request (addresses swapped, same identifier, sequence and data). */
    public static Optional<byte[]> reply(byte[] request) {
        Optional<Echo> echo = parse(request);
        if (echo.isEmpty() || echo.get().type() != ECHO_REQUEST) return Optional.empty();
        int total = get16(request, 2);
        byte[] r = java.util.Arrays.copyOf(request, total);
        put32(r, 12, echo.get().destination().bits());
        put32(r, 16, echo.get().source().bits());
        put16(r, 10, 0);
        put16(r, 10, checksum(r, 0, IP_HEADER));
        r[IP_HEADER] = ECHO_REPLY;
        put16(r, IP_HEADER + 2, 0);
        put16(r, IP_HEADER + 2, checksum(r, IP_HEADER, total - IP_HEADER));
        return Optional.of(r);
    }

    /** RFC 1071 one's-complement sum; 0 over a region that includes a correct checksum. */
    static int checksum(byte[] b, int off, int len) {
        long sum = 0;
        for (int i = 0; i + 1 < len; i += 2) sum += ((b[off + i] & 0xFF) << 8) | (b[off + i + 1] & 0xFF);
        if ((len & 1) != 0) sum += (b[off + len - 1] & 0xFF) << 8;
        while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (int) (~sum & 0xFFFF);
    }

    private static int get16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static int get32(byte[] b, int i) {
        return (get16(b, i) << 16) | get16(b, i + 2);
    }

    private static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    private static void put32(byte[] b, int i, int v) {
        put16(b, i, v >>> 16);
        put16(b, i + 2, v);
    }
}
