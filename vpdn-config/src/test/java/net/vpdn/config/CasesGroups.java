package net.vpdn.config;

import static net.vpdn.config.ValidationErrorsTest.LAC;
import static net.vpdn.config.ValidationErrorsTest.LAC_GROUP;
import static net.vpdn.config.ValidationErrorsTest.LNS;
import static net.vpdn.config.ValidationErrorsTest.LNS_GROUP;
import static net.vpdn.config.ValidationErrorsTest.error;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Single-error cases for vpdn-groups. */
final class CasesGroups {
    private CasesGroups() {
    }

    /** The valid LAC group with one line replaced. */
    static String lacGroup(String line, String replacement) {
        if (!LAC_GROUP.contains(line)) {
            throw new IllegalArgumentException(line);
        }
        return LAC + LAC_GROUP.replace(line, replacement);
    }

    static String lnsGroup(String line, String replacement) {
        if (!LNS_GROUP.contains(line)) {
            throw new IllegalArgumentException(line);
        }
        return LNS + LNS_GROUP.replace(line, replacement);
    }

    static String secondLacGroup(String body) {
        return LAC + LAC_GROUP + "  - name: h\n    initiate-to: [{address: 192.0.2.2}]\n    tunnel-secret: s\n" + body;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                error("group of neither kind", lacGroup("    request-dialin:\n      domains: [example.com]\n", ""),
                        "vpdn-groups.0", "needs request-dialin (LAC) or accept-dialin (LNS)"),
                error("group of both kinds", lacGroup("    tunnel-secret: s\n",
                                "    tunnel-secret: s\n    accept-dialin:\n      virtual-template: vt\n"),
                        "vpdn-groups.0", "has both request-dialin and accept-dialin; a group is one or the other"),
                error("group with neither domains nor DNIS", lacGroup("      domains: [example.com]\n", ""),
                        "vpdn-groups.0.request-dialin", "matches nobody: give domains, dnis or both"),
                error("group with an empty request-dialin map", lacGroup("      domains: [example.com]\n", "")
                                .replace("request-dialin:", "request-dialin: {domains: []}"),
                        "vpdn-groups.0.request-dialin", "matches nobody: give domains, dnis or both"),
                error("initiate-to empty", lacGroup("    initiate-to:\n      - address: 192.0.2.1\n", ""),
                        "vpdn-groups.0.initiate-to", "is empty: a request-dialin group needs at least one LNS"),
                error("tunnel secret missing", lacGroup("    tunnel-secret: s\n", ""),
                        "vpdn-groups.0.tunnel-secret",
                        "is required because tunnel-authentication is on (give tunnel-secret or tunnel-secret-file)"),
                error("LNS given by host name", lacGroup("address: 192.0.2.1", "address: lns.example.net"),
                        "vpdn-groups.0.initiate-to.0.address",
                        "'lns.example.net' is not an IP address literal (host names are not resolved)"),
                error("LNS port out of range", lacGroup("address: 192.0.2.1", "address: 192.0.2.1\n        port: 70000"),
                        "vpdn-groups.0.initiate-to.0.port", "must be between 1 and 65535, got 70000"),
                error("priority out of range", lacGroup("address: 192.0.2.1", "address: 192.0.2.1\n        priority: 0"),
                        "vpdn-groups.0.initiate-to.0.priority", "must be between 1 and 255, got 0"),
                error("weight out of range", lacGroup("address: 192.0.2.1", "address: 192.0.2.1\n        weight: 256"),
                        "vpdn-groups.0.initiate-to.0.weight", "must be between 1 and 255, got 256"),
                error("same LNS twice", lacGroup("      - address: 192.0.2.1\n",
                                "      - address: 192.0.2.1\n      - address: 192.0.2.1\n        priority: 2\n"),
                        "vpdn-groups.0.initiate-to", "lists 192.0.2.1 port 1701 twice"),
                error("bad domain", lacGroup("[example.com]", "[exa_mple.com]"),
                        "vpdn-groups.0.request-dialin.domains", "'exa_mple.com' is not a domain name"),
                error("bad DNIS", lacGroup("domains: [example.com]", "dnis: [\"555-1234\"]"),
                        "vpdn-groups.0.request-dialin.dnis", "'555-1234' is not a DNIS (digits only)"),
                error("bad tunnel-authentication", lacGroup("    tunnel-secret: s\n",
                                "    tunnel-secret: s\n    tunnel-authentication: sometimes\n"),
                        "vpdn-groups.0.tunnel-authentication", "'sometimes' is not true or false"),
                error("duplicate group name", secondLacGroup("    request-dialin: {domains: [other.com]}\n")
                                .replace("name: h", "name: g"),
                        "vpdn-groups.1.name", "duplicate name 'g' (first defined at vpdn-groups.0.name)"),
                error("domain claimed twice", secondLacGroup("    request-dialin: {domains: [Example.COM]}\n"),
                        "vpdn-groups.1.request-dialin.domains",
                        "domain 'example.com' is already used by vpdn-groups.0"),
                error("request-dialin group on an LNS", LNS + LNS_GROUP + LAC_GROUP.replace("vpdn-groups:\n", "")
                                .replace("name: g", "name: lac-side"),
                        "vpdn-groups.1", "is a request-dialin group, which a lns does not use (role: lns)"),
                error("template referenced but not defined", lnsGroup("virtual-template: vt", "virtual-template: vt9"),
                        "vpdn-groups.0.accept-dialin.virtual-template",
                        "template 'vt9' is not defined in virtual-templates"),
                error("bad LCP renegotiation policy", lnsGroup("    tunnel-secret: s\n",
                                "    tunnel-secret: s\n    lcp-renegotiation: sometimes\n"),
                        "vpdn-groups.0.lcp-renegotiation", "'sometimes' is not one of never, on-mismatch, always"),
                error("LAC claimed by two groups", LNS + LNS_GROUP + """
                                  - name: g2
                                    accept-dialin: {virtual-template: vt}
                                    terminate-from: [lac2, lac1]
                                    tunnel-secret: s
                                """,
                        "vpdn-groups.1.terminate-from", "LAC host name 'lac1' is already used by vpdn-groups.0"),
                error("two groups accepting any LAC", lnsGroup("    terminate-from: [lac1]\n", "") + """
                                  - name: g2
                                    accept-dialin: {virtual-template: vt}
                                    tunnel-secret: s
                                """,
                        "vpdn-groups.1.terminate-from",
                        "is empty, and so is that of vpdn-groups.0; only one group may accept any LAC"),
                error("a LAC-only key in an LNS group", lnsGroup("    tunnel-secret: s\n",
                                "    tunnel-secret: s\n    initiate-to: [{address: 192.0.2.1}]\n"),
                        "vpdn-groups.0.initiate-to", "unknown key"),
                error("tunnel limit out of range", lnsGroup("    tunnel-secret: s\n", "    tunnel-secret: s\n    tunnel-limit: 70000\n"),
                        "vpdn-groups.0.tunnel-limit", "must be between 0 and 65535, got 70000"),
                error("tunnel limit not a number", lnsGroup("    tunnel-secret: s\n", "    tunnel-secret: s\n    tunnel-limit: many\n"),
                        "vpdn-groups.0.tunnel-limit", "'many' is not a whole number"),
                error("user session limit out of range", lnsGroup("    tunnel-secret: s\n",
                                "    tunnel-secret: s\n    user-session-limit: 1001\n"),
                        "vpdn-groups.0.user-session-limit", "must be between 0 and 1000, got 1001"),
                error("an LNS-only key in a LAC group", lacGroup("    tunnel-secret: s\n", "    tunnel-secret: s\n    tunnel-limit: 5\n"),
                        "vpdn-groups.0.tunnel-limit", "unknown key"));
    }
}
