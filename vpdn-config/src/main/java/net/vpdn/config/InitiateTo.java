package net.vpdn.config;

import java.net.InetAddress;

/**
 * One LNS a LAC group may open tunnels to (Cisco {@code initiate-to ip A.B.C.D [priority n]}).
 * The LAC uses the lowest {@code priority} value first and fails over to the next value when every
 * LNS of a priority is unreachable; among LNSs of equal priority, new tunnels are shared in proportion
 * to {@code weight}.
 *
 * @param address  LNS IP address literal
 * @param port     LNS UDP port
 * @param priority 1 (preferred) to 255
 * @param weight   1 to 255, relative share among equal priorities
 */
public record InitiateTo(InetAddress address, int port, int priority, int weight) {
}
