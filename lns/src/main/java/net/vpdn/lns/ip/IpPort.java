package net.vpdn.lns.ip;

import io.netty.buffer.ByteBuf;
import net.vpdn.vtemplate.VirtualAccess;

/** One subscriber as the IP plane sees it: its interface and a way to send it IPv4 packets. */
public interface IpPort {

    /** The interface: its peer address for anti-spoofing, and its counters. */
    VirtualAccess access();

    /** Sends one IPv4 packet to the subscriber (PPP framing added here); takes ownership of {@code packet}. */
    void transmitIpv4(ByteBuf packet);
}
