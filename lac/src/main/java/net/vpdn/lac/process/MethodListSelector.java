package net.vpdn.lac.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import net.vpdn.aaa.AccessLineInfo;
import net.vpdn.aaa.TunnelAuthorizer;
import net.vpdn.aaa.TunnelLookup;
import net.vpdn.lac.select.CallKey;
import net.vpdn.lac.select.RefusalReason;
import net.vpdn.lac.select.SearchKey;
import net.vpdn.lac.select.Selection;
import net.vpdn.lac.select.StaticTunnelSelector;
import net.vpdn.lac.select.TunnelSelector;
import net.vpdn.lac.select.TunnelSet;

/**
 * Tunnel selection by the {@code aaa.tunnel-authorization} method list (Cisco {@code aaa authorization
 * network default local group radius} with {@code vpdn search-order domain dnis}): for the domain,
 * then the DNIS, the methods are asked in order. A method that does not know the key, or cannot
 * answer (no RADIUS server replied), passes to the next method; a definite "no tunnel" (RADIUS
 * Access-Reject) ends the search for that key. The first tunnel sets found win.
 */
public final class MethodListSelector implements TunnelSelector {
    private final List<Method> methods;

    /** One method of the list. */
    public interface Method {
        /** For logs: {@code local} or {@code radius}. */
        String name();

        /** Looks up one key; never completes exceptionally, may complete on any thread. */
        CompletionStage<Answer> lookup(SearchKey kind, String value);

        /** As {@link #lookup(SearchKey, String)}, told where the subscriber's line is (RADIUS sends it on). */
        default CompletionStage<Answer> lookup(SearchKey kind, String value, AccessLineInfo line) {
            return lookup(kind, value);
        }
    }

    /** A method's answer for one key. */
    public sealed interface Answer {
        /** Tunnel sets to try, in Tunnel-Preference order. */
        record Found(List<TunnelSet> sets) implements Answer { }

        /** Definitely no tunnel for this key: the other methods are not asked. */
        record NotFound(String detail) implements Answer { }

        /** Could not decide; {@code unreachable} when no server answered (as opposed to "not known here"). */
        record NoDecision(boolean unreachable, String detail) implements Answer { }
    }

    public MethodListSelector(List<Method> methods) {
        if (methods.isEmpty()) throw new IllegalArgumentException("at least one tunnel authorization method");
        this.methods = List.copyOf(methods);
    }

    /** The local vpdn-groups as a method: a key with no group is "not known here". */
    public static Method local(StaticTunnelSelector groups) {
        return new Method() {
            @Override public String name() { return "local"; }

            @Override
            public CompletionStage<Answer> lookup(SearchKey kind, String value) {
                List<TunnelSet> sets = switch (kind) {
                    case DOMAIN -> groups.byDomain().get(value.toLowerCase(java.util.Locale.ROOT));
                    case DNIS -> groups.byDnis().get(value);
                };
                return CompletableFuture.completedFuture(sets == null || sets.isEmpty()
                        ? new Answer.NoDecision(false, "local: no vpdn-group for " + kind.name().toLowerCase() + " '" + value + "'")
                        : new Answer.Found(sets));
            }
        };
    }

    /** RADIUS tunnel attributes (RFC 2868) as a method; {@code hostname} is our name when a tag names none. */
    public static Method radius(TunnelAuthorizer authorizer, String hostname) {
        return new Method() {
            @Override public String name() { return "radius"; }

            @Override
            public CompletionStage<Answer> lookup(SearchKey kind, String value) {
                return lookup(kind, value, AccessLineInfo.NONE);
            }

            @Override
            public CompletionStage<Answer> lookup(SearchKey kind, String value, AccessLineInfo line) {
                return authorizer.tunnelsFor(value, line).thenApply(r -> switch (r) {
                    case TunnelLookup.Found f -> switch (RadiusTunnels.convert(value, f.sets(), hostname)) {
                        case RadiusTunnels.Converted.Sets s -> new Answer.Found(s.sets());
                        case RadiusTunnels.Converted.None n -> new Answer.NotFound(n.detail());
                    };
                    case TunnelLookup.NotFound n -> new Answer.NotFound("radius: " + n.detail());
                    case TunnelLookup.NoDecision n -> new Answer.NoDecision(
                            n.why() == net.vpdn.aaa.AuthResult.Why.NO_ANSWER, "radius: " + n.detail());
                });
            }
        };
    }

    @Override
    public void select(CallKey key, Consumer<Selection> answer) {
        List<Lookup> keys = new ArrayList<>(2);
        key.domain().ifPresent(d -> keys.add(new Lookup(SearchKey.DOMAIN, d)));
        if (!key.calledNumber().isEmpty()) keys.add(new Lookup(SearchKey.DNIS, key.calledNumber()));
        if (keys.isEmpty()) {
            answer.accept(new Selection.Refused(RefusalReason.NO_DOMAIN,
                    "user '" + key.userName() + "' has no domain and the call no DNIS"));
            return;
        }
        new Search(keys, new AccessLineInfo(key.agentCircuitId(), key.agentRemoteId()), answer).ask(0, 0);
    }

    private record Lookup(SearchKey kind, String value) { }

    /** One call's walk over keys × methods. */
    private final class Search {
        private final List<Lookup> keys;
        private final AccessLineInfo line;
        private final Consumer<Selection> answer;
        private final List<String> details = new ArrayList<>();
        private boolean unreachable;

        Search(List<Lookup> keys, AccessLineInfo line, Consumer<Selection> answer) {
            this.keys = keys;
            this.line = line;
            this.answer = answer;
        }

        void ask(int keyIndex, int methodIndex) {
            if (keyIndex >= keys.size()) {
                finish();
                return;
            }
            if (methodIndex >= methods.size()) {
                ask(keyIndex + 1, 0);
                return;
            }
            Lookup k = keys.get(keyIndex);
            CompletionStage<Answer> stage;
            try {
                stage = methods.get(methodIndex).lookup(k.kind(), k.value(), line);
            } catch (RuntimeException e) {
                stage = CompletableFuture.completedFuture(new Answer.NoDecision(true, methods.get(methodIndex).name() + ": " + e));
            }
            stage.whenComplete((a, failure) -> {
                Answer got = failure != null ? new Answer.NoDecision(true, methods.get(methodIndex).name() + ": " + failure) : a;
                switch (got) {
                    case Answer.Found f -> answer.accept(new Selection.Tunnels(f.sets()));
                    case Answer.NotFound n -> {
                        details.add(n.detail());
                        ask(keyIndex + 1, 0);
                    }
                    case Answer.NoDecision n -> {
                        details.add(n.detail());
                        unreachable |= n.unreachable();
                        ask(keyIndex, methodIndex + 1);
                    }
                }
            });
        }

        private void finish() {
            String detail = String.join("; ", details);
            answer.accept(unreachable
                    ? new Selection.Refused(RefusalReason.SELECTOR_FAILED, "tunnel authorization could not answer: " + detail)
                    : new Selection.Refused(RefusalReason.NO_VPDN_MATCH, "no VPDN match: " + detail));
        }
    }
}
