package net.vpdn.config;

import static net.vpdn.config.ValidationErrorsTest.LNS;
import static net.vpdn.config.ValidationErrorsTest.LNS_GROUP;
import static net.vpdn.config.ValidationErrorsTest.error;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Single-error cases for virtual-templates, ip-pools and local-users. */
final class CasesPpp {
    private CasesPpp() {
    }

    static String lns(String line, String replacement) {
        if (!LNS.contains(line)) {
            throw new IllegalArgumentException(line);
        }
        return LNS.replace(line, replacement) + LNS_GROUP;
    }

    static String withUsers(String users) {
        return LNS + LNS_GROUP + "local-users:\n" + users;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                error("pool referenced but not defined", lns("peer-pool: p", "peer-pool: nowhere"),
                        "virtual-templates.0.peer-pool", "pool 'nowhere' is not defined in ip-pools"),
                error("overlapping pools", lns("    cidr: 10.0.0.0/24\n",
                                "    cidr: 10.0.0.0/24\n  - name: q\n    first: 10.0.0.200\n    last: 10.0.1.10\n"),
                        "ip-pools.1", "overlaps pool 'p' (ip-pools.0)"),
                error("pool with cidr and range", lns("    cidr: 10.0.0.0/24\n", "    cidr: 10.0.0.0/24\n    first: 10.0.0.1\n"),
                        "ip-pools.0.cidr", "give either cidr or first and last, not both"),
                error("pool with no addresses", lns("    cidr: 10.0.0.0/24\n", ""),
                        "ip-pools.0", "needs cidr, or first and last"),
                error("pool upside down", lns("    cidr: 10.0.0.0/24\n", "    first: 10.0.0.9\n    last: 10.0.0.1\n"),
                        "ip-pools.0.last", "is below first"),
                error("bad CIDR prefix", lns("10.0.0.0/24", "10.0.0.0/33"),
                        "ip-pools.0.cidr", "prefix length must be between 8 and 32, got 33"),
                error("CIDR without prefix", lns("10.0.0.0/24", "10.0.0.0"),
                        "ip-pools.0.cidr", "'10.0.0.0' is not in CIDR form (e.g. 10.99.0.0/24)"),
                error("IPv6 pool", lns("    cidr: 10.0.0.0/24\n", "    first: \"2001:db8::1\"\n    last: 10.0.0.1\n"),
                        "ip-pools.0.first", "'2001:db8::1' is not an IPv4 address (IPCP assigns IPv4)"),
                error("local address inside its pool", lns("local-address: 10.1.0.1", "local-address: 10.0.0.1"),
                        "virtual-templates.0.local-address",
                        "lies inside its peer pool 'p', which would hand it to a peer"),
                error("no auth protocol", lns("    peer-pool: p\n", "    peer-pool: p\n    auth-protocols: \"\"\n"),
                        "virtual-templates.0.auth-protocols", "must name at least one protocol (pap, chap, mschapv2)"),
                error("unknown auth protocol", lns("    peer-pool: p\n", "    peer-pool: p\n    auth-protocols: [chap, eap]\n"),
                        "virtual-templates.0.auth-protocols.1", "'eap' is not one of pap, chap, mschapv2"),
                error("auth protocol twice", lns("    peer-pool: p\n", "    peer-pool: p\n    auth-protocols: [chap, chap]\n"),
                        "virtual-templates.0.auth-protocols", "names a protocol twice"),
                error("three DNS servers", lns("    peer-pool: p\n", "    peer-pool: p\n    dns: [1.1.1.1, 8.8.8.8, 9.9.9.9]\n"),
                        "virtual-templates.0.dns",
                        "IPCP offers a primary and a secondary server only (RFC 1877), got 3"),
                error("MRU too small", lns("    peer-pool: p\n", "    peer-pool: p\n    mru: 100\n"),
                        "virtual-templates.0.mru", "must be between 576 and 9000, got 100"),
                error("duplicate template", lns("    peer-pool: p\n",
                                "    peer-pool: p\n  - {name: vt, local-address: 10.1.0.2, peer-pool: p}\n"),
                        "virtual-templates.1.name", "duplicate name 'vt' (first defined at virtual-templates.0.name)"),
                error("user without password", withUsers("  - name: alice@example.com\n"),
                        "local-users.0.password", "is required (or password-file)"),
                error("user name with a space", withUsers("  - {name: alice smith, password: x}\n"),
                        "local-users.0.name", "'alice smith' is not a user name (no spaces, at most 253 characters)"),
                error("static address in no pool", withUsers("  - {name: a@x, password: x, static-address: 10.5.0.1}\n"),
                        "local-users.0.static-address",
                        "10.5.0.1 lies in no ip-pool, so nothing keeps the pool from handing it out or routes it"),
                error("static address used twice", withUsers("""
                                  - {name: a@x, password: x, static-address: 10.0.0.7}
                                  - {name: b@x, password: y, static-address: 10.0.0.7}
                                """),
                        "local-users.1.static-address", "10.0.0.7 is already the static address of 'a@x'"),
                error("duplicate user", withUsers("  - {name: a@x, password: x}\n  - {name: a@x, password: y}\n"),
                        "local-users.1.name", "duplicate name 'a@x' (first defined at local-users.0.name)"));
    }
}
