package net.vpdn.config;

import java.net.Inet4Address;
import java.util.Optional;

/**
 * A user known to this process (Cisco {@code username NAME password ...}).
 *
 * @param name          full user name as sent in PAP/CHAP, e.g. {@code alice@example.com}
 * @param password      PAP password / CHAP secret
 * @param staticAddress address always given to this user; it lies inside a pool, which must skip it
 * @param sessionLimit  most sessions of this user at once, 0 = no limit
 */
public record LocalUser(String name, Secret password, Optional<Inet4Address> staticAddress, int sessionLimit) {
}
