/**
 * Reliable delivery of L2TP control messages, RFC 2661 §5.8 and Appendix A: 16-bit sequence
 * arithmetic ({@link net.vpdn.l2tp.transport.Seq}), the retransmission policy, and
 * {@link net.vpdn.l2tp.transport.ReliableTransport}, a pure state machine that turns packets,
 * submissions and timer events into {@link net.vpdn.l2tp.transport.TransportAction}s.
 * Plain Java: no Netty, threads or clocks.
 */
package net.vpdn.l2tp.transport;
