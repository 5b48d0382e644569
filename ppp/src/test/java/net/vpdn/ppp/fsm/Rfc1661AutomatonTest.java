package net.vpdn.ppp.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every one of the 160 cells of {@link Rfc1661Automaton} against the RFC 1661 §4.1 table,
 * transcribed here independently in the RFC's own notation ("actions/next state", "-" = illegal;
 * the optional [r], [p], [x] markers dropped).
 */
@DisplayName("RFC 1661 §4.1 state-transition table")
class Rfc1661AutomatonTest {

    private static final String RFC_TABLE = """
            Event  | 0 Initial | 1 Starting | 2 Closed | 3 Stopped     | 4 Closing | 5 Stopping | 6 Req-Sent | 7 Ack-Rcvd | 8 Ack-Sent | 9 Opened
            UP     | 2         | irc,scr/6  | -        | -             | -         | -          | -          | -          | -          | -
            DOWN   | -         | -          | 0        | tls/1         | 0         | 1          | 1          | 1          | 1          | tld/1
            OPEN   | tls/1     | 1          | irc,scr/6| 3             | 5         | 5          | 6          | 7          | 8          | 9
            CLOSE  | 0         | tlf/0      | 2        | 2             | 4         | 4          | irc,str/4  | irc,str/4  | irc,str/4  | tld,irc,str/4
            TO_PLUS| -         | -          | -        | -             | str/4     | str/5      | scr/6      | scr/6      | scr/8      | -
            TO_MINUS| -        | -          | -        | -             | tlf/2     | tlf/3      | tlf/3      | tlf/3      | tlf/3      | -
            RCR_PLUS| -        | -          | sta/2    | irc,scr,sca/8 | 4         | 5          | sca/8      | sca,tlu/9  | sca/8      | tld,scr,sca/8
            RCR_MINUS| -       | -          | sta/2    | irc,scr,scn/6 | 4         | 5          | scn/6      | scn/7      | scn/6      | tld,scr,scn/6
            RCA    | -         | -          | sta/2    | sta/3         | 4         | 5          | irc/7      | scr/6      | irc,tlu/9  | tld,scr/6
            RCN    | -         | -          | sta/2    | sta/3         | 4         | 5          | irc,scr/6  | scr/6      | irc,scr/8  | tld,scr/6
            RTR    | -         | -          | sta/2    | sta/3         | sta/4     | sta/5      | sta/6      | sta/6      | sta/6      | tld,zrc,sta/5
            RTA    | -         | -          | 2        | 3             | tlf/2     | tlf/3      | 6          | 6          | 8          | tld,scr/6
            RUC    | -         | -          | scj/2    | scj/3         | scj/4     | scj/5      | scj/6      | scj/7      | scj/8      | scj/9
            RXJ_PLUS| -        | -          | 2        | 3             | 4         | 5          | 6          | 6          | 8          | 9
            RXJ_MINUS| -       | -          | tlf/2    | tlf/3         | tlf/2     | tlf/3      | tlf/3      | tlf/3      | tlf/3      | tld,irc,str/5
            RXR    | -         | -          | 2        | 3             | 4         | 5          | 6          | 7          | 8          | ser/9
            """;

    /** One expected cell, displayed as e.g. "REQ_SENT/RCA -> ACK_RCVD irc". */
    record Cell(CpState state, CpEvent event, String expected) {
        @Override
        public String toString() {
            return state + "/" + event + " -> " + expected;
        }
    }

    static Stream<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        List<String> lines = RFC_TABLE.lines().skip(1).toList();
        for (String line : lines) {
            String[] parts = line.split("\\|");
            CpEvent event = CpEvent.valueOf(parts[0].trim());
            for (int s = 0; s < 10; s++) {
                cells.add(new Cell(CpState.values()[s], event, render(parts[s + 1].trim())));
            }
        }
        return cells.stream();
    }

    /** "irc,scr/6" -> "REQ_SENT irc,scr"; "2" -> "CLOSED"; "-" -> "illegal". */
    private static String render(String rfcCell) {
        if (rfcCell.equals("-")) {
            return "illegal";
        }
        int slash = rfcCell.indexOf('/');
        String actions = slash < 0 ? "" : rfcCell.substring(0, slash);
        int next = Integer.parseInt(slash < 0 ? rfcCell : rfcCell.substring(slash + 1));
        return (CpState.values()[next] + " " + actions).trim();
    }

    private static String render(Transition t) {
        return switch (t) {
            case Transition.Illegal i -> "illegal";
            case Transition.Move m -> (m.next() + " " + m.actions().stream()
                    .map(a -> a.name().toLowerCase()).collect(Collectors.joining(","))).trim();
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    @DisplayName("each cell matches the RFC")
    void cellMatchesRfc(Cell cell) {
        assertThat(render(Rfc1661Automaton.step(cell.state(), cell.event()))).isEqualTo(cell.expected());
    }

    @Test
    @DisplayName("the transcription covers all 10 states x 16 events exactly once")
    void transcriptionIsComplete() {
        List<Cell> all = cells().toList();
        assertThat(all).hasSize(160);
        assertThat(all.stream().map(c -> c.state() + "/" + c.event()).distinct().count()).isEqualTo(160);
        assertThat(all.stream().map(Cell::event).distinct()).containsExactlyInAnyOrder(CpEvent.values());
    }

    @Test
    @DisplayName("an illegal event names the state and event and leaves the state unchanged")
    void illegalIsNamed() {
        Transition t = Rfc1661Automaton.step(CpState.INITIAL, CpEvent.RCA);
        assertThat(t).isEqualTo(new Transition.Illegal(CpState.INITIAL, CpEvent.RCA));
        assertThat(t.next()).isEqualTo(CpState.INITIAL);
        assertThat(t.actions()).isEmpty();
        assertThat(Arrays.stream(CpState.values()).filter(CpState::restartTimerRuns))
                .containsExactly(CpState.CLOSING, CpState.STOPPING, CpState.REQ_SENT, CpState.ACK_RCVD, CpState.ACK_SENT);
    }
}
