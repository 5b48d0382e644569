package net.vpdn.lac.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import net.vpdn.aaa.AuthResult;
import net.vpdn.aaa.TunnelAuthorizer;
import net.vpdn.aaa.TunnelLookup;
import net.vpdn.aaa.tunnel.TunnelSet;
import net.vpdn.config.VpdnConfig;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.lac.select.CallKey;
import net.vpdn.lac.select.LnsEndpoint;
import net.vpdn.lac.select.RefusalReason;
import net.vpdn.lac.select.Selection;
import net.vpdn.lac.select.TunnelSelector;
import net.vpdn.ppp.auth.Secret;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Tunnel selection by the aaa tunnel-authorization method list")
class MethodListSelectorTest {
    /** A RADIUS stand-in: answers per key, remembers what it was asked. */
    static final class FakeRadius implements TunnelAuthorizer {
        final Map<String, TunnelLookup> answers = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        final List<net.vpdn.aaa.AccessLineInfo> lines = new ArrayList<>();
        TunnelLookup otherwise = new TunnelLookup.NotFound("Access-Reject");

        @Override
        public CompletionStage<TunnelLookup> tunnelsFor(String key) {
            asked.add(key);
            return CompletableFuture.completedFuture(answers.getOrDefault(key, otherwise));
        }

        @Override
        public CompletionStage<TunnelLookup> tunnelsFor(String key, net.vpdn.aaa.AccessLineInfo line) {
            lines.add(line);
            return tunnelsFor(key);
        }
    }

    static TunnelSet tag(int tag, Integer preference, String endpoint, String password, String clientAuthId, String assignment) {
        return new TunnelSet(tag, preference == null ? OptionalInt.empty() : OptionalInt.of(preference), TunnelSet.TYPE_L2TP,
                TunnelSet.MEDIUM_IPV4, List.of(endpoint), Optional.empty(), Optional.ofNullable(password).map(Secret::of),
                Optional.ofNullable(clientAuthId), Optional.empty(), Optional.ofNullable(assignment));
    }

    static Selection select(TunnelSelector s, String user, String domain, String dnis) {
        AtomicReference<Selection> got = new AtomicReference<>();
        s.select(new CallKey(user, Optional.ofNullable(domain), "0311", dnis), got::set);
        assertThat(got.get()).as("answered at once").isNotNull();
        return got.get();
    }

    static List<net.vpdn.lac.select.TunnelSet> sets(Selection s) {
        assertThat(s).isInstanceOf(Selection.Tunnels.class);
        return ((Selection.Tunnels) s).sets();
    }

    final FakeRadius radius = new FakeRadius();

    TunnelSelector selector(String methods) {
        VpdnConfig c = TestConfigs.load(TestConfigs.EXAMPLE, "aaa.tunnel-authorization=" + methods,
                "radius-servers.0.name=r1", "radius-servers.0.address=127.0.0.1", "radius-servers.0.secret=s");
        return TunnelAuthorization.selector(c, radius);
    }

    @Test
    @DisplayName("the line's Agent-Circuit-Id and Agent-Remote-Id reach the RADIUS lookup")
    void lineIdsReachRadius() {
        radius.answers.put("corp.example", new TunnelLookup.Found(List.of(tag(1, 1, "192.0.2.1", null, null, null))));
        AtomicReference<Selection> got = new AtomicReference<>();
        selector("radius").select(new CallKey("a@corp.example", Optional.of("corp.example"), "0311", "", "olt1 1/2:7", "cpe-9"),
                got::set);
        assertThat(got.get()).isInstanceOf(Selection.Tunnels.class);
        assertThat(radius.lines).containsExactly(new net.vpdn.aaa.AccessLineInfo("olt1 1/2:7", "cpe-9"));
    }

    @Nested
    @DisplayName("RADIUS tagged tunnel sets")
    class Tagged {
        @Test
        @DisplayName("are tried in Tunnel-Preference order, with Tunnel-Password, Client-Auth-ID and Assignment-ID mapped")
        void preferenceOrder() {
            radius.answers.put("corp.example", new TunnelLookup.Found(List.of(
                    tag(1, 20, "192.0.2.2", null, null, null),
                    tag(2, 10, "192.0.2.1:1702", "tunnel-pw", "lac-radius", "corp-a"),
                    tag(3, null, "[2001:db8::3]", null, null, null))));
            List<net.vpdn.lac.select.TunnelSet> sets = sets(select(selector("radius"), "a@corp.example", "corp.example", ""));
            assertThat(sets).extracting(net.vpdn.lac.select.TunnelSet::preference).containsExactly(10, 20, RadiusTunnels.NO_PREFERENCE);
            net.vpdn.lac.select.TunnelSet first = sets.getFirst();
            assertThat(first.endpoints()).containsExactly(new LnsEndpoint(new InetSocketAddress("192.0.2.1", 1702), 1, 1));
            assertThat(first.secret()).isEqualTo(TunnelSecret.of("tunnel-pw"));
            assertThat(first.localHostName()).isEqualTo("lac-radius");
            assertThat(first.groupName()).isEqualTo("corp-a");
            assertThat(sets.get(1).secret()).isNull();
            assertThat(sets.get(1).localHostName()).as("our hostname when no Client-Auth-ID").isEqualTo("lac1");
            assertThat(sets.get(2).endpoints().getFirst().address()).isEqualTo(new InetSocketAddress("2001:db8::3", 1701));
        }

        @Test
        @DisplayName("a tag that is not L2TP, or names its LNS by host name, is left out; none usable is no match")
        void unusable() {
            TunnelSet pptp = new TunnelSet(1, OptionalInt.of(1), 1, 1, List.of("192.0.2.9"), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            radius.answers.put("corp.example", new TunnelLookup.Found(List.of(pptp, tag(2, 2, "lns.example.net", null, null, null))));
            Selection s = select(selector("radius"), "a@corp.example", "corp.example", "");
            assertThat(s).isInstanceOfSatisfying(Selection.Refused.class, r -> {
                assertThat(r.reason()).isEqualTo(RefusalReason.NO_VPDN_MATCH);
                assertThat(r.detail()).contains("not L2TP").contains("lns.example.net");
            });
        }
    }

    @Nested
    @DisplayName("methods in order")
    class Order {
        @Test
        @DisplayName("local first: a domain of a local group is answered without asking RADIUS")
        void localFirst() {
            assertThat(sets(select(selector("local,radius"), "a@example.com", "example.com", "")).getFirst().groupName())
                    .isEqualTo("example-com");
            assertThat(radius.asked).isEmpty();
        }

        @Test
        @DisplayName("local first: a domain unknown locally is asked of RADIUS")
        void localThenRadius() {
            radius.answers.put("corp.example", new TunnelLookup.Found(List.of(tag(1, 1, "192.0.2.1", null, null, "corp"))));
            assertThat(sets(select(selector("local,radius"), "a@corp.example", "corp.example", "")).getFirst().groupName())
                    .isEqualTo("corp");
        }

        @Test
        @DisplayName("RADIUS first but no server answered: the local group is used")
        void radiusDeadThenLocal() {
            radius.otherwise = new TunnelLookup.NoDecision(AuthResult.Why.NO_ANSWER, "no server answered");
            assertThat(sets(select(selector("radius,local"), "a@example.com", "example.com", "")).getFirst().groupName())
                    .isEqualTo("example-com");
        }

        @Test
        @DisplayName("RADIUS first and it rejects the domain: the local group of that domain is not used, the DNIS is still tried")
        void rejectIsFinalPerKey() {
            radius.answers.put("5551234", new TunnelLookup.NotFound("Access-Reject"));
            TunnelSelector s = selector("radius,local");
            assertThat(select(s, "a@example.com", "example.com", "")).isInstanceOfSatisfying(Selection.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(RefusalReason.NO_VPDN_MATCH));
            radius.answers.put("5551234", new TunnelLookup.NoDecision(AuthResult.Why.UNKNOWN, "?"));
            assertThat(sets(select(s, "a@example.com", "example.com", "5551234")).getFirst().groupName()).isEqualTo("dialed-5551234");
            assertThat(radius.asked).containsExactly("example.com", "example.com", "5551234");
        }

        @Test
        @DisplayName("nothing answers and RADIUS is unreachable: refused as SELECTOR_FAILED, not as no match")
        void unreachable() {
            radius.otherwise = new TunnelLookup.NoDecision(AuthResult.Why.NO_ANSWER, "no server answered");
            assertThat(select(selector("radius"), "a@corp.example", "corp.example", "")).isInstanceOfSatisfying(
                    Selection.Refused.class, r -> assertThat(r.reason()).isEqualTo(RefusalReason.SELECTOR_FAILED));
        }

        @Test
        @DisplayName("a user with no domain and a call with no DNIS is refused as NO_DOMAIN without asking anyone")
        void noKeys() {
            assertThat(select(selector("radius,local"), "alice", null, "")).isInstanceOfSatisfying(
                    Selection.Refused.class, r -> assertThat(r.reason()).isEqualTo(RefusalReason.NO_DOMAIN));
            assertThat(radius.asked).isEmpty();
        }

        @Test
        @DisplayName("the list [local] alone is the static selector of the groups")
        void localOnly() {
            assertThat(selector("local")).isInstanceOf(net.vpdn.lac.select.StaticTunnelSelector.class);
        }
    }
}
