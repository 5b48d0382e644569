package net.vpdn.config;

import static net.vpdn.config.ValidationErrorsTest.LAC;
import static net.vpdn.config.ValidationErrorsTest.LAC_GROUP;
import static net.vpdn.config.ValidationErrorsTest.LNS;
import static net.vpdn.config.ValidationErrorsTest.LNS_GROUP;
import static net.vpdn.config.ValidationErrorsTest.error;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Single-error cases for the top level, l2tp, aaa, radius and the listeners. */
final class CasesTop {
    private static final String DAS_ON = """
            dynamic-authorization:
              enabled: true
              clients:
                - {address: 192.0.2.9, secret: a}
            """;

    private CasesTop() {
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                error("misspelt key, with a hint", LAC + LAC_GROUP + "l2tp:\n  helo-interval: 30s\n",
                        "l2tp.helo-interval", "unknown key (did you mean hello-interval?)"),
                error("unknown key, nothing close", LAC + LAC_GROUP + "colour: red\n",
                        "colour", "unknown key"),
                error("missing required key", "role: lac\n" + LAC_GROUP, "hostname", "is required"),
                error("bad enum", "role: bras\nhostname: b1\n", "role", "'bras' is not one of lac, lns"),
                error("bad host name", "role: lac\nhostname: lac one\n" + LAC_GROUP,
                        "hostname", "'lac one' is not a host name (letters, digits and . _ -)"),
                error("bad duration", LAC + LAC_GROUP + "l2tp:\n  hello-interval: 5x\n",
                        "l2tp.hello-interval", "'5x' is not a duration (use 500ms, 30s, 2m, 1h or whole seconds)"),
                error("zero duration", LAC + LAC_GROUP + "l2tp:\n  hello-interval: 0s\n",
                        "l2tp.hello-interval", "must be above zero"),
                error("integer out of range", LAC + LAC_GROUP + "l2tp:\n  receive-window: 0\n",
                        "l2tp.receive-window", "must be between 1 and 65535, got 0"),
                error("not a number", LAC + LAC_GROUP + "l2tp:\n  retransmit-retries: many\n",
                        "l2tp.retransmit-retries", "'many' is not a whole number"),
                error("listen port out of range", LAC + LAC_GROUP + "l2tp:\n  listen-port: 65536\n",
                        "l2tp.listen-port", "must be between 0 and 65535, got 65536"),
                error("retransmit cap below initial", LAC + LAC_GROUP
                                + "l2tp:\n  retransmit-initial: 10s\n  retransmit-cap: 9s\n",
                        "l2tp.retransmit-cap", "must not be below retransmit-initial (10000 ms)"),
                error("retransmit cap below the RFC minimum", LAC + LAC_GROUP + "l2tp:\n  retransmit-cap: 4s\n",
                        "l2tp.retransmit-cap", "must be at least 8s (RFC 2661 §5.8), got 4000 ms"),
                error("list where a value belongs", "role: lac\nhostname: [a, b]\n" + LAC_GROUP,
                        "hostname", "expected a single value, found a list"),
                error("value where a section belongs", LAC + LAC_GROUP + "l2tp: 5\n",
                        "l2tp", "expected a section of keys, found a value"),
                error("section where a list item value belongs", LAC + LAC_GROUP + "aaa:\n  accounting:\n    x: 1\n",
                        "aaa.accounting", "expected a value, found a section"),
                error("host name where an address belongs", LAC + LAC_GROUP + "admin:\n  address: localhost\n",
                        "admin.address", "'localhost' is not an IP address literal (host names are not resolved)"),
                error("bad boolean", LAC + LAC_GROUP + "metrics:\n  enabled: maybe\n",
                        "metrics.enabled", "'maybe' is not true or false"),
                error("radius method without servers", LAC + LAC_GROUP + "aaa:\n  tunnel-authorization: [radius, local]\n",
                        "aaa.tunnel-authorization", "uses radius but no radius-servers are defined"),
                error("local accounting", LAC + LAC_GROUP + "aaa:\n  accounting: [local]\n",
                        "aaa.accounting", "local accounting does not exist; use radius, or leave the list empty"),
                error("method twice", LAC + LAC_GROUP + "aaa:\n  authentication: [local, local]\n",
                        "aaa.authentication", "names a method twice"),
                error("interim interval below a second", LNS + LNS_GROUP + "aaa:\n  accounting-interim-interval: 500ms\n",
                        "aaa.accounting-interim-interval", "must be 0 (off) or between 1s and 24h, got 500ms"),
                error("interim interval above a day", LNS + LNS_GROUP + "aaa:\n  accounting-interim-interval: 25h\n",
                        "aaa.accounting-interim-interval", "must be 0 (off) or between 1s and 24h, got 25h"),
                error("interim interval not a duration", LNS + LNS_GROUP + "aaa:\n  accounting-interim-interval: often\n",
                        "aaa.accounting-interim-interval",
                        "'often' is not a duration (use 500ms, 30s, 2m, 1h or whole seconds)"),
                error("unknown method", LAC + LAC_GROUP + "aaa:\n  authentication: [tacacs]\n",
                        "aaa.authentication", "'tacacs' is not one of local, radius"),
                error("radius server without secret", LAC + LAC_GROUP
                                + "radius-servers:\n  - name: r1\n    address: 192.0.2.9\n",
                        "radius-servers.0.secret", "is required (or secret-file)"),
                error("duplicate radius server name", LAC + LAC_GROUP + """
                                radius-servers:
                                  - {name: r1, address: 192.0.2.9, secret: a}
                                  - {name: r1, address: 192.0.2.10, secret: b}
                                """,
                        "radius-servers.1.name", "duplicate name 'r1' (first defined at radius-servers.0.name)"),
                error("radius port zero", LAC + LAC_GROUP
                                + "radius-servers:\n  - {name: r1, address: 192.0.2.9, secret: a, auth-port: 0}\n",
                        "radius-servers.0.auth-port", "must be between 1 and 65535, got 0"),
                error("public admin without token", LAC + LAC_GROUP + "admin:\n  address: 0.0.0.0\n",
                        "admin.token", "is required when admin listens on a non-loopback address (0.0.0.0)"),
                error("metrics on the admin port", LAC + LAC_GROUP + "metrics:\n  port: 9170\n",
                        "metrics.port", "is the same as admin.port (9170)"),
                error("both inline secret and secret file", LAC + LAC_GROUP + "admin:\n  token: a\n  token-file: t\n",
                        "admin.token-file", "give either token or token-file, not both"),
                error("dynamic authorization on a LAC", LAC + LAC_GROUP + DAS_ON,
                        "dynamic-authorization.enabled", "is for the LNS only; a LAC has no sessions to disconnect (role: lac)"),
                error("dynamic authorization without clients", LNS + LNS_GROUP + "dynamic-authorization:\n  enabled: true\n",
                        "dynamic-authorization.clients", "needs at least one client when enabled (requests from anyone else are dropped)"),
                error("dynamic authorization client without secret", LNS + LNS_GROUP
                                + "dynamic-authorization:\n  enabled: true\n  clients:\n    - address: 192.0.2.9\n",
                        "dynamic-authorization.clients.0.secret", "is required (or secret-file)"),
                error("dynamic authorization client without address", LNS + LNS_GROUP
                                + "dynamic-authorization:\n  enabled: true\n  clients:\n    - secret: a\n",
                        "dynamic-authorization.clients.0.address", "is required"),
                error("dynamic authorization client twice", LNS + LNS_GROUP + DAS_ON
                                + "    - {address: 192.0.2.9, secret: b}\n",
                        "dynamic-authorization.clients.1.address",
                        "192.0.2.9 is already a client (dynamic-authorization.clients.0.address)"),
                error("dynamic authorization port out of range", LNS + LNS_GROUP + DAS_ON + "  port: 70000\n",
                        "dynamic-authorization.port", "must be between 0 and 65535, got 70000"),
                error("misspelt dynamic authorization key", LNS + LNS_GROUP + DAS_ON + "  adress: 127.0.0.2\n",
                        "dynamic-authorization.adress", "unknown key (did you mean address?)"),
                error("pppoe cookie secret too short", LAC + LAC_GROUP + PPPOE.formatted("short-secret"),
                        "pppoe-interfaces.0.cookie-secret", "must be at least 16 characters (it keys the AC-Cookie HMAC)"),
                error("pppoe without cookie secret", LAC + LAC_GROUP + "pppoe-interfaces:\n  - {name: eth1}\n",
                        "pppoe-interfaces.0.cookie-secret", "is required (or cookie-secret-file)"),
                error("pppoe on an LNS", LNS + LNS_GROUP + PPPOE.formatted("0123456789abcdef"),
                        "pppoe-interfaces.0.name", "PPPoE access is for the LAC only (role: lns)"),
                error("pppoe vlan out of range", LAC + LAC_GROUP + PPPOE.formatted("0123456789abcdef") + "    vlan: 4095\n",
                        "pppoe-interfaces.0.vlan", "must be between 1 and 4094, got 4095"),
                error("pppoe interface name too long", LAC + LAC_GROUP
                                + "pppoe-interfaces:\n  - {name: eth0123456789abcd, cookie-secret: 0123456789abcdef}\n",
                        "pppoe-interfaces.0.name", "'eth0123456789abcd' is not an interface name (1 to 15 letters, digits, '.', '_', '-')"),
                error("pppoe interface twice", LAC + LAC_GROUP + PPPOE.formatted("0123456789abcdef")
                                + "  - {name: eth1, cookie-secret: 0123456789abcdef}\n",
                        "pppoe-interfaces.1.name", "eth1 is already listed (pppoe-interfaces.0.name)"),
                error("pppoe padi limit negative", LAC + LAC_GROUP + PPPOE.formatted("0123456789abcdef") + "    padi-limit: -1\n",
                        "pppoe-interfaces.0.padi-limit", "must be between 0 and 1000000, got -1"),
                error("pppoe padi limit not a number", LAC + LAC_GROUP + PPPOE.formatted("0123456789abcdef")
                                + "    padi-limit: lots\n",
                        "pppoe-interfaces.0.padi-limit", "'lots' is not a whole number"),
                error("pppoe padi limit per mac negative", LAC + LAC_GROUP + PPPOE.formatted("0123456789abcdef")
                                + "    padi-limit-per-mac: -3\n",
                        "pppoe-interfaces.0.padi-limit-per-mac", "must be between 0 and 1000, got -3"),
                error("pppoe padi limit per mac not a number", LAC + LAC_GROUP + PPPOE.formatted("0123456789abcdef")
                                + "    padi-limit-per-mac: 2.5\n",
                        "pppoe-interfaces.0.padi-limit-per-mac", "'2.5' is not a whole number"),
                error("tun uplink on a LAC", LAC + LAC_GROUP + "tun-uplink: {enabled: true}\n",
                        "tun-uplink.enabled", "the TUN uplink is for the LNS only (role: lac)"),
                error("tun uplink mtu too small", LNS + LNS_GROUP + "tun-uplink: {enabled: true, mtu: 100}\n",
                        "tun-uplink.mtu", "must be between 576 and 9000, got 100"));
    }

    private static final String PPPOE = """
            pppoe-interfaces:
              - name: eth1
                cookie-secret: "%s"
            """;
}
