package net.vpdn.lac.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Choosing a vpdn-group")
class SelectionTest {

    @Nested
    @DisplayName("user name parsing")
    class Parsing {
        @ParameterizedTest(name = "suffix ''{0}'' -> local ''{1}'', domain ''{2}''")
        @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "alice@corp.example|alice|corp.example",
            "alice@Corp.EXAMPLE|alice|corp.example",
            "a@b@corp.example|a@b|corp.example",
            "alice|alice|NONE",
            "alice@|alice|NONE",
            "@corp.example||corp.example",
        })
        void suffix(String name, String local, String domain) {
            UserNameParser.ParsedName p = UserNameParser.suffix('@').parse(name);
            assertThat(p.local()).isEqualTo(local == null ? "" : local);
            assertThat(p.domain()).isEqualTo(Optional.ofNullable(domain));
            assertThat(p.full()).isEqualTo(name);
        }

        @ParameterizedTest(name = "prefix ''{0}'' -> local ''{1}'', domain ''{2}''")
        @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "corp.example/alice|alice|corp.example",
            "corp.example/a/b|a/b|corp.example",
            "alice|alice|NONE",
            "/alice|alice|NONE",
        })
        void prefix(String name, String local, String domain) {
            UserNameParser.ParsedName p = UserNameParser.prefix('/').parse(name);
            assertThat(p.local()).isEqualTo(local);
            assertThat(p.domain()).isEqualTo(Optional.ofNullable(domain));
        }

        @Test
        @DisplayName("a null or empty name parses to no domain")
        void total() {
            assertThat(UserNameParser.suffix('@').parse(null).domain()).isEmpty();
            assertThat(UserNameParser.prefix('\\').parse("").domain()).isEmpty();
        }
    }

    @Nested
    @DisplayName("local vpdn-groups")
    class Static {
        final TunnelSet corp = set("corp", 1);
        final TunnelSet corpBackup = set("corp-backup", 2);
        final TunnelSet dialIn = set("dial-in", 1);
        final StaticTunnelSelector selector = new StaticTunnelSelector(
                Map.of("CORP.example", List.of(corpBackup, corp)), Map.of("5550100", List.of(dialIn)),
                List.of(SearchKey.DOMAIN, SearchKey.DNIS));

        static TunnelSet set(String group, int preference) {
            return new TunnelSet(preference, group, List.of(new LnsEndpoint(new InetSocketAddress("192.0.2.1", 1701), 1, 1)),
                    null, "lac1", 0);
        }

        static CallKey key(String domain, String dnis) {
            return new CallKey("u", Optional.ofNullable(domain), "0311", dnis);
        }

        @Test
        @DisplayName("the domain picks its sets, ordered by Tunnel-Preference")
        void byDomain() {
            assertThat(selector.lookup(key("corp.example", "5550100")))
                    .isEqualTo(new Selection.Tunnels(List.of(corp, corpBackup)));
            assertThat(((Selection.Tunnels) selector.lookup(key("corp.example", ""))).sets().getFirst()).isEqualTo(corp);
        }

        @Test
        @DisplayName("without a matching domain the DNIS decides")
        void byDnis() {
            assertThat(selector.lookup(key("other.example", "5550100"))).isEqualTo(new Selection.Tunnels(List.of(dialIn)));
            assertThat(selector.lookup(key(null, "5550100"))).isEqualTo(new Selection.Tunnels(List.of(dialIn)));
        }

        @Test
        @DisplayName("the search order is honoured: DNIS first wins over the domain")
        void dnisFirst() {
            StaticTunnelSelector dnisFirst = new StaticTunnelSelector(selector.byDomain(), selector.byDnis(),
                    List.of(SearchKey.DNIS, SearchKey.DOMAIN));
            assertThat(dnisFirst.lookup(key("corp.example", "5550100"))).isEqualTo(new Selection.Tunnels(List.of(dialIn)));
        }

        @Test
        @DisplayName("no match is refused with NO_VPDN_MATCH and a detail naming the keys")
        void noMatch() {
            Selection s = selector.lookup(key("other.example", "5550199"));
            assertThat(s).isInstanceOfSatisfying(Selection.Refused.class, r -> {
                assertThat(r.reason()).isEqualTo(RefusalReason.NO_VPDN_MATCH);
                assertThat(r.detail()).contains("other.example").contains("5550199");
            });
        }

        @Test
        @DisplayName("no domain and no DNIS is refused with NO_DOMAIN")
        void noDomain() {
            assertThat(selector.lookup(key(null, ""))).isInstanceOfSatisfying(Selection.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(RefusalReason.NO_DOMAIN));
        }
    }
}
