package net.vpdn.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;

/** Every default of the file in one place; README.md documents each with its reason. */
final class Defaults {
    static final InetAddress ANY_IPV4 = IpPool.fromLong(0);
    static final InetAddress LOOPBACK = IpPool.fromLong(0x7F00_0001L);
    static final Inet4Address UNSPECIFIED = IpPool.fromLong(0);

    static final int L2TP_LISTEN_PORT = L2tpSettings.L2TP_PORT;
    static final Duration HELLO_INTERVAL = Duration.ofSeconds(60);
    static final Duration RETRANSMIT_INITIAL = Duration.ofSeconds(1);
    static final Duration RETRANSMIT_CAP = Duration.ofSeconds(8);
    static final int RETRANSMIT_RETRIES = 5;
    static final int RECEIVE_WINDOW = 16;
    /** A LAC call not connected 30 s after its line came up is cleared. */
    static final Duration CALL_SETUP_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MIN_CALL_SETUP_TIMEOUT = Duration.ofSeconds(1);
    static final Duration MAX_CALL_SETUP_TIMEOUT = Duration.ofSeconds(600);

    static final int INITIATE_TO_PRIORITY = 1;
    static final int INITIATE_TO_WEIGHT = 1;
    static final boolean TUNNEL_AUTHENTICATION = true;
    static final LcpRenegotiation LCP_RENEGOTIATION = LcpRenegotiation.ON_MISMATCH;

    static final int MRU_BYTES = 1460;
    static final Duration KEEPALIVE_INTERVAL = Duration.ofSeconds(10);
    static final int KEEPALIVE_RETRIES = 5;

    static final int RADIUS_AUTH_PORT = 1812;
    static final int RADIUS_ACCT_PORT = 1813;
    static final Duration RADIUS_TIMEOUT = Duration.ofSeconds(3);
    static final int RADIUS_RETRIES = 3;
    static final Duration RADIUS_DEAD_TIME = Duration.ofMinutes(1);

    static final Duration INTERIM_MIN = Duration.ofSeconds(1);
    static final Duration INTERIM_MAX = Duration.ofHours(24);

    static final int ADMIN_PORT = 9170;
    static final int METRICS_PORT = 9171;

    private Defaults() {
    }
}
