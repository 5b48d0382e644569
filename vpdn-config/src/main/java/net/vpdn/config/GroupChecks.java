package net.vpdn.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.vpdn.config.ConfigBinder.Bound;
import net.vpdn.config.ConfigBinder.BoundConfig;

/** Cross-checks of {@code vpdn-groups}: role fit, secrets, references and rules claimed twice. */
final class GroupChecks {
    private GroupChecks() {
    }

    static void check(BoundConfig b) {
        Map<String, String> domains = new HashMap<>();
        Map<String, String> dnis = new HashMap<>();
        Map<String, String> lacs = new HashMap<>();
        String anyLacGroup = null;
        for (Bound<VpdnGroup> g : b.groups()) {
            Section s = g.section();
            roleFit(b.config().role(), g);
            boolean secretGiven = s.has("tunnel-secret") || s.has("tunnel-secret-file");
            if (g.value().tunnelAuthentication() && !secretGiven) {
                s.error("tunnel-secret", "is required because tunnel-authentication is on"
                        + " (give tunnel-secret or tunnel-secret-file)");
            }
            switch (g.value()) {
                case VpdnGroup.RequestDialin r -> {
                    claim(s, "request-dialin.domains", r.domains(), domains, "domain");
                    claim(s, "request-dialin.dnis", r.dnis(), dnis, "DNIS");
                    initiateTo(s, r.initiateTo());
                }
                case VpdnGroup.AcceptDialin a -> {
                    template(b, s, a.virtualTemplate());
                    claim(s, "terminate-from", a.terminateFrom(), lacs, "LAC host name");
                    if (a.terminateFrom().isEmpty()) {
                        if (anyLacGroup != null) {
                            s.error("terminate-from", "is empty, and so is that of " + anyLacGroup
                                    + "; only one group may accept any LAC");
                        } else {
                            anyLacGroup = s.path();
                        }
                    }
                }
            }
        }
    }

    private static void roleFit(Role role, Bound<VpdnGroup> g) {
        boolean fits = switch (g.value()) {
            case VpdnGroup.RequestDialin r -> role == Role.LAC;
            case VpdnGroup.AcceptDialin a -> role == Role.LNS;
        };
        if (!fits) {
            String kind = g.value() instanceof VpdnGroup.RequestDialin ? "a request-dialin" : "an accept-dialin";
            g.section().errorHere("is " + kind + " group, which a " + role.configName()
                    + " does not use (role: " + role.configName() + ")");
        }
    }

    private static void template(BoundConfig b, Section s, String name) {
        if (!name.isEmpty() && b.config().virtualTemplate(name).isEmpty()) {
            s.section(GroupBinder.ACCEPT_DIALIN).error("virtual-template",
                    "template '" + name + "' is not defined in virtual-templates");
        }
    }

    private static void claim(Section s, String key, List<String> values, Map<String, String> owners,
                              String what) {
        for (String v : values) {
            String owner = owners.putIfAbsent(v, s.path());
            if (owner != null) {
                s.error(key, what + " '" + v + "' is already used by " + owner);
            }
        }
    }

    private static void initiateTo(Section s, List<InitiateTo> targets) {
        Set<String> seen = new HashSet<>();
        for (InitiateTo t : targets) {
            if (!seen.add(t.address().getHostAddress() + "|" + t.port())) {
                s.error("initiate-to", "lists " + t.address().getHostAddress() + " port " + t.port() + " twice");
            }
        }
    }
}
