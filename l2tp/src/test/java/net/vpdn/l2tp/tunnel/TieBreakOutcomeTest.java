package net.vpdn.l2tp.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tie breaker, RFC 2661 §4.4.3")
class TieBreakOutcomeTest {

    @ParameterizedTest(name = "ours={0} theirs={1} -> {2}")
    @CsvSource({
            "1, 2, WE_WIN",
            "2, 1, WE_LOSE",
            "5, 5, BOTH_LOSE",
            // unsigned 8-octet comparison: 0xFFFF_FFFF_FFFF_FFFF is the largest value, not -1
            "-1, 1, WE_LOSE",
            "1, -1, WE_WIN",
            "-9223372036854775808, 9223372036854775807, WE_LOSE",
    })
    void lowerValueWins(long ours, long theirs, TieBreakOutcome expected) {
        assertThat(TieBreakOutcome.compare(ours, theirs)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a side that sent a Tie Breaker beats one that did not; neither means two tunnels")
    void presence() {
        assertThat(TieBreakOutcome.compare(OptionalLong.of(9), OptionalLong.empty())).isEqualTo(TieBreakOutcome.WE_WIN);
        assertThat(TieBreakOutcome.compare(OptionalLong.empty(), OptionalLong.of(9))).isEqualTo(TieBreakOutcome.WE_LOSE);
        assertThat(TieBreakOutcome.compare(OptionalLong.empty(), OptionalLong.empty()))
                .isEqualTo(TieBreakOutcome.NO_TIE_BREAK);
        assertThat(TieBreakOutcome.compare(OptionalLong.of(3), OptionalLong.of(3))).isEqualTo(TieBreakOutcome.BOTH_LOSE);
    }
}
