package net.vpdn.lac.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.vpdn.lac.access.HangupCause;
import net.vpdn.lac.access.emulator.SubscriberProfile;
import net.vpdn.lac.access.emulator.SubscriberReport;
import net.vpdn.lac.select.RefusalReason;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.lcp.AuthMethod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The LAC's emulator options and --once summary")
class AccessOptionsTest {
    static AccessOptions ok(String... args) {
        AccessOptions.Parsed p = AccessOptions.parse(List.of(args));
        assertThat(p).isInstanceOf(AccessOptions.Parsed.Ok.class);
        return ((AccessOptions.Parsed.Ok) p).options();
    }

    @Nested
    @DisplayName("parsing")
    class Parsing {
        @Test
        @DisplayName("generated subscribers take the format, password, auth, pings, hold and DNIS given")
        void generated() {
            AccessOptions a = ok("--subscribers", "3", "--user-format", "u%d@corp.example", "--password=pw", "--auth", "pap",
                    "--rate", "50/s", "--hold", "5s", "--pings", "2", "--called", "5551234", "--once");
            assertThat(a.subscribers()).extracting(SubscriberProfile::user)
                    .containsExactly("u1@corp.example", "u2@corp.example", "u3@corp.example");
            SubscriberProfile p = a.subscribers().getFirst();
            assertThat(p.password().text()).isEqualTo("pw");
            assertThat(p.auth()).isEqualTo(AuthMethod.PAP);
            assertThat(p.hold()).isEqualTo(Duration.ofSeconds(5));
            assertThat(p.pings()).isEqualTo(2);
            assertThat(p.calledNumber()).isEqualTo("5551234");
            assertThat(a.rate()).isEqualTo(50.0);
            assertThat(a.once()).isTrue();
        }

        @Test
        @DisplayName("several --user-format and an --auth list are cycled per subscriber; --report names the file")
        void cycledFormatsAndAuths() {
            AccessOptions a = ok("--subscribers", "5", "--user-format", "u%d@alpha.example", "--user-format", "u%d@beta.example",
                    "--auth", "chap,pap", "--report", "out/report.tsv");
            assertThat(a.subscribers()).extracting(SubscriberProfile::user).containsExactly("u1@alpha.example",
                    "u2@beta.example", "u3@alpha.example", "u4@beta.example", "u5@alpha.example");
            assertThat(a.subscribers()).extracting(SubscriberProfile::auth).containsExactly(AuthMethod.CHAP_MD5,
                    AuthMethod.PAP, AuthMethod.CHAP_MD5, AuthMethod.PAP, AuthMethod.CHAP_MD5);
            assertThat(a.report()).contains(java.nio.file.Path.of("out/report.tsv"));
            assertThat(ok("--subscribers", "1").report()).isEmpty();
            assertThat(AccessOptions.parse(List.of("--auth", "chap,mschap"))).isInstanceOf(AccessOptions.Parsed.Error.class);
        }

        @Test
        @DisplayName("--user entries are cycled up to --subscribers, each with its own password")
        void users() {
            AccessOptions a = ok("--user", "alice@example.com:a-pw", "--user", "bob@example.com:b:pw", "--subscribers", "3");
            assertThat(a.subscribers()).extracting(SubscriberProfile::user)
                    .containsExactly("alice@example.com", "bob@example.com", "alice@example.com");
            assertThat(a.subscribers().get(1).password().text()).as("only the first colon splits").isEqualTo("b:pw");
            assertThat(ok("--user", "x@y:z").subscribers()).hasSize(1);
        }

        @ParameterizedTest(name = "{0} {1} -> {2}")
        @CsvSource(delimiter = '|', value = {
            "--rate|fast|not a positive rate",
            "--rate|0|not a positive rate",
            "--hold|1m30s|not a duration",
            "--auth|mschap|not chap or pap",
            "--subscribers|-1|not 0..100000",
            "--user|alice|give NAME:PASSWORD",
            "--called|555-1234|not digits",
            "--user-format|user%s%s|not a format",
            "--colour|red|unknown option",
            "--warmup|many|not 0..1000000",
        })
        @DisplayName("a bad value is refused, naming the option and the problem")
        void refused(String option, String value, String problem) {
            AccessOptions.Parsed p = AccessOptions.parse(List.of(option, value));
            assertThat(p).isInstanceOfSatisfying(AccessOptions.Parsed.Error.class,
                    e -> assertThat(e.message()).startsWith(option + ":").contains(problem));
        }

        @Test
        @DisplayName("--warmup N: the first subscribers cycled up to N, no pings, hanging up at IPCP; refused without subscribers")
        void warmup() {
            AccessOptions a = ok("--subscribers", "2", "--user-format", "w%d@corp.example", "--pings", "3", "--hold", "9s",
                    "--auth", "pap", "--warmup", "3");
            assertThat(a.warmup()).isEqualTo(3);
            assertThat(a.warmupProfiles()).extracting(SubscriberProfile::user)
                    .containsExactly("w1@corp.example", "w2@corp.example", "w1@corp.example");
            assertThat(a.warmupProfiles()).allSatisfy(p -> {
                assertThat(p.pings()).isZero();
                assertThat(p.hold()).isZero();
                assertThat(p.auth()).isEqualTo(AuthMethod.PAP);
            });
            assertThat(a.subscribers()).as("the measured subscribers are unchanged").allSatisfy(p -> assertThat(p.pings()).isEqualTo(3));
            assertThat(ok("--subscribers", "1").warmupProfiles()).isEmpty();
            assertThat(AccessOptions.parse(List.of("--warmup", "5"))).isInstanceOfSatisfying(AccessOptions.Parsed.Error.class,
                    e -> assertThat(e.message()).contains("--warmup"));
        }

        @Test
        @DisplayName("--once with no subscriber, a missing value and a stray word are refused")
        void otherErrors() {
            assertThat(AccessOptions.parse(List.of("--once"))).isInstanceOf(AccessOptions.Parsed.Error.class);
            assertThat(AccessOptions.parse(List.of("--pings"))).isInstanceOf(AccessOptions.Parsed.Error.class);
            assertThat(AccessOptions.parse(List.of("dial"))).isInstanceOf(AccessOptions.Parsed.Error.class);
            assertThat(ok().subscribers()).isEmpty();
        }
    }

    @Nested
    @DisplayName("the summary")
    class Summary {
        static SubscriberReport report(String user, long setupMs, boolean ok) {
            return new SubscriberReport(user, ok, ok ? Optional.of(Ipv4Address.of("10.0.0.2")) : Optional.empty(),
                    Optional.empty(), ok ? 1 : 0, ok ? 1 : 0, false, !ok, ok ? Optional.empty() : Optional.of(HangupCause.REFUSED),
                    ok ? Optional.of(Duration.ofMillis(setupMs)) : Optional.empty());
        }

        @Test
        @DisplayName("p50 and p99 are nearest-rank over those that reached IPCP")
        void percentiles() {
            List<SubscriberReport> rs = new java.util.ArrayList<>();
            for (int i = 1; i <= 100; i++) rs.add(report("u" + i, i, true));
            EmulatorSummary s = new EmulatorSummary(100, rs, java.util.Map.of());
            assertThat(s.setupPercentile(50)).isEqualTo(Duration.ofMillis(50));
            assertThat(s.setupPercentile(99)).isEqualTo(Duration.ofMillis(99));
            assertThat(s.allSucceeded()).isTrue();
            assertThat(s.lines()).contains("setup time (dial to IPCP): p50 50.0 ms, p99 99.0 ms", "refused: none")
                    .contains("  ... 80 more");
        }

        @Test
        @DisplayName("setup rate: those that reached IPCP over first dial to last IPCP up; the report file has every subscriber")
        void rateAndReportFile() {
            // dialled at 0, 100, 200 ms (loop clock); IPCP after 50, 50 and 300 ms: 2 up in 0..250 ms, the third failed
            SubscriberReport a = new SubscriberReport("a@x", true, Optional.of(Ipv4Address.of("10.0.0.2")), Optional.empty(),
                    1, 1, false, false, Optional.empty(), Optional.of(Duration.ofMillis(50)), AuthMethod.CHAP_MD5, 1_000_000_000L);
            SubscriberReport b = new SubscriberReport("b@x", true, Optional.of(Ipv4Address.of("10.0.0.3")), Optional.empty(),
                    1, 1, false, false, Optional.empty(), Optional.of(Duration.ofMillis(150)), AuthMethod.PAP, 1_100_000_000L);
            SubscriberReport c = new SubscriberReport("c@x", false, Optional.empty(), Optional.empty(), 0, 0, true, true,
                    Optional.of(HangupCause.REFUSED), Optional.empty(), AuthMethod.PAP, 1_200_000_000L);
            EmulatorSummary s = new EmulatorSummary(3, List.of(a, b, c), java.util.Map.of());
            assertThat(s.setupRate()).isCloseTo(2 / 0.25, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(s.lines()).contains("setup rate: 8.0 setups/s (first dial to last IPCP up)");
            // up_ms: when IPCP opened, from the first dial (a load generator counts setups per second with it)
            assertThat(s.reportFile()).containsExactly("# user\tauth\tresult\taddress\tpings\tsetup_ms\tup_ms",
                    "a@x\tCHAP_MD5\tok\t10.0.0.2\t1/1\t50.0\t50.0", "b@x\tPAP\tok\t10.0.0.3\t1/1\t150.0\t250.0",
                    "c@x\tPAP\tdropped: REFUSED (auth failure)\t-\t0/0\t-\t-");
            assertThat(new EmulatorSummary(1, List.of(c), java.util.Map.of()).setupRate()).isZero();
        }

        @Test
        @DisplayName("a refused subscriber or a missing report is a failure, and refusals are listed by reason")
        void failure() {
            EmulatorSummary s = new EmulatorSummary(3, List.of(report("a", 5, true), report("eve", 0, false)),
                    java.util.Map.of(RefusalReason.NO_VPDN_MATCH, 1L, RefusalReason.NO_TUNNEL, 0L));
            assertThat(s.allSucceeded()).isFalse();
            assertThat(s.lines()).contains("refused: NO_VPDN_MATCH=1", "result: FAILED (2 of 3)");
            assertThat(s.lines().get(2)).contains("eve").contains("dropped: REFUSED (auth failure)");
            assertThat(new EmulatorSummary(1, List.of(report("a", 5, true)), java.util.Map.of()).allSucceeded()).isTrue();
        }
    }
}
