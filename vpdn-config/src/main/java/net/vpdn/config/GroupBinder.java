package net.vpdn.config;

import java.util.List;
import java.util.Optional;

/** Binds one entry of {@code vpdn-groups} to a {@link VpdnGroup}. */
final class GroupBinder {
    static final String REQUEST_DIALIN = "request-dialin";
    static final String ACCEPT_DIALIN = "accept-dialin";

    private GroupBinder() {
    }

    /** The group, or a request-dialin shell with no rules when the group has neither or both kinds. */
    static VpdnGroup group(Section s, String hostname) {
        String name = s.required("name", "", Values::name);
        Optional<Secret> secret = s.secret("tunnel-secret");
        boolean authentication = s.get("tunnel-authentication", Defaults.TUNNEL_AUTHENTICATION, Values::bool);
        String localName = s.get("local-name", hostname, Values::hostName);
        int sessionLimit = s.get("session-limit", 0, Values.integer(0, 1_000_000));
        boolean request = s.present(REQUEST_DIALIN);
        boolean accept = s.present(ACCEPT_DIALIN);
        if (request && accept) {
            s.errorHere("has both request-dialin and accept-dialin; a group is one or the other");
        } else if (!request && !accept) {
            s.errorHere("needs request-dialin (LAC) or accept-dialin (LNS)");
        }
        if (accept && !request) {
            Section a = s.section(ACCEPT_DIALIN);
            return new VpdnGroup.AcceptDialin(name,
                    a.required("virtual-template", "", Values::name),
                    s.list("terminate-from", Values::hostName),
                    secret, authentication, localName,
                    s.get("lcp-renegotiation", Defaults.LCP_RENEGOTIATION,
                            Values.oneOf(LcpRenegotiation.values(), LcpRenegotiation::configName)),
                    sessionLimit,
                    s.get("tunnel-limit", 0, Values.integer(0, 65_535)),
                    s.get("user-session-limit", 0, Values.integer(0, 1000)));
        }
        Section r = s.section(REQUEST_DIALIN);
        List<String> domains = r.list("domains", Values::domain);
        List<String> dnis = r.list("dnis", Values::dnis);
        List<InitiateTo> initiateTo = s.sections("initiate-to").stream().map(GroupBinder::initiateTo).toList();
        if (request && !r.has("domains") && !r.has("dnis")) {
            r.errorHere("matches nobody: give domains, dnis or both");
        }
        if (request && initiateTo.isEmpty()) {
            s.error("initiate-to", "is empty: a request-dialin group needs at least one LNS");
        }
        return new VpdnGroup.RequestDialin(name, domains, dnis, initiateTo, secret, authentication, localName,
                sessionLimit);
    }

    static InitiateTo initiateTo(Section s) {
        return new InitiateTo(
                s.required("address", Defaults.ANY_IPV4, Values::address),
                s.get("port", L2tpSettings.L2TP_PORT, Values::port),
                s.get("priority", Defaults.INITIATE_TO_PRIORITY, Values.integer(1, 255)),
                s.get("weight", Defaults.INITIATE_TO_WEIGHT, Values.integer(1, 255)));
    }
}
