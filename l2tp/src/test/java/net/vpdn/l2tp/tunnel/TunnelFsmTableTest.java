package net.vpdn.l2tp.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.MessageType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state × event kind × message type) cell of the tunnel FSM, RFC 2661 §7.2. Cells read
 * "NEXT_STATE [SENT_TYPES] action kinds"; "." means same state, nothing at all.
 */
@DisplayName("Tunnel FSM: every cell of the table")
class TunnelFsmTableTest {

    private static final int LOCAL = 4242;

    private static final String EVENTS =
            "OPEN SCCRQ SCCRP SCCCN STOPCCN HELLO ICRQ CLOSE INVALID T_HELLO T_HOLD UNRESPONSIVE ACTIVITY LOST";

    /** One line per state: cells in the order of {@link #EVENTS}, separated by '|'. */
    private static final String TABLE = """
        IDLE           | WAIT_CTL_REPLY[SCCRQ]Send | WAIT_CTL_CONN[SCCRP]Send | CLOSING[STOPCCN]Send+Closing+ArmTimer | CLOSED[]Closed | CLOSED[]Closed | . | . | CLOSED[]Closed | CLOSED[]Closed | . | . | CLOSED[]Closing+Closed | . | .
        WAIT_CTL_REPLY | . | CLOSING[STOPCCN]Send+Closing+ArmTimer | ESTABLISHED[SCCCN]Send+Established+ArmTimer | CLOSING[STOPCCN]Send+Closing+ArmTimer | CLOSING[]Closing+ArmTimer | . | CLOSING[STOPCCN]Send+Closing+ArmTimer | CLOSING[STOPCCN]Send+Closing+ArmTimer | CLOSING[STOPCCN]Send+Closing+ArmTimer | . | . | CLOSED[]Closing+Closed | . | CLOSED[]Closed
        WAIT_CTL_CONN  | . | CLOSING[STOPCCN]Send+Closing+ArmTimer | CLOSING[STOPCCN]Send+Closing+ArmTimer | ESTABLISHED[]Established+ArmTimer | CLOSING[]Closing+ArmTimer | . | CLOSING[STOPCCN]Send+Closing+ArmTimer | CLOSING[STOPCCN]Send+Closing+ArmTimer | CLOSING[STOPCCN]Send+Closing+ArmTimer | . | . | CLOSED[]Closing+Closed | . | .
        ESTABLISHED    | . | CLOSING[STOPCCN]CancelTimer+Send+Closing+ArmTimer | CLOSING[STOPCCN]CancelTimer+Send+Closing+ArmTimer | CLOSING[STOPCCN]CancelTimer+Send+Closing+ArmTimer | CLOSING[]CancelTimer+Closing+ArmTimer | . | . | CLOSING[STOPCCN]CancelTimer+Send+Closing+ArmTimer | CLOSING[STOPCCN]CancelTimer+Send+Closing+ArmTimer | ESTABLISHED[HELLO]Send+ArmTimer | . | CLOSED[]CancelTimer+Closing+Closed | ESTABLISHED[]ArmTimer | .
        CLOSING        | . | . | . | . | . | . | . | . | . | . | CLOSED[]Closed | CLOSED[]Closed | . | .
        CLOSED         | . | . | . | . | . | . | . | . | . | . | . | . | . | .
        """;

    static Stream<Arguments> cells() {
        String[] events = EVENTS.split(" ");
        return TABLE.lines().map(String::strip).filter(l -> !l.isEmpty()).flatMap(line -> {
            String[] cols = line.split("\\|");
            TunnelState state = TunnelState.valueOf(cols[0].strip());
            if (cols.length != events.length + 1) throw new IllegalStateException("row " + state + " has " + cols.length);
            return java.util.stream.IntStream.range(0, events.length)
                    .mapToObj(i -> Arguments.of(state, events[i], cols[i + 1].strip()));
        });
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("cells")
    void cell(TunnelState state, String event, String expected) {
        TunnelFsm fsm = inState(state);
        List<TunnelAction> actions = fsm.handle(event(event));
        String nextState = expected.equals(".") ? state.name() : expected.substring(0, expected.indexOf('['));
        String sent = expected.equals(".") ? "" : expected.substring(expected.indexOf('[') + 1, expected.indexOf(']'));
        String kinds = expected.equals(".") ? "" : expected.substring(expected.indexOf(']') + 1);
        assertThat(fsm.state()).as("next state").isEqualTo(TunnelState.valueOf(nextState));
        assertThat(Msgs.sent(actions).stream().map(m -> m.type().name()).collect(Collectors.joining(",")))
                .as("sent").isEqualTo(sent);
        assertThat(actions.stream().map(a -> a.getClass().getSimpleName()).collect(Collectors.joining("+")))
                .as("action kinds").isEqualTo(kinds);
    }

    @Test
    @DisplayName("the table has a row for every state and a cell for every message kind")
    void tableIsComplete() {
        assertThat(TABLE.lines().filter(l -> !l.isBlank()).map(l -> l.split("\\|")[0].strip()))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(TunnelState.values()).map(Enum::name).toList());
        for (TunnelState s : TunnelState.values()) {
            for (TunnelFsm.Input i : TunnelFsm.Input.values()) assertThat(TunnelFsm.rule(s, i)).isNotNull();
        }
    }

    @Test
    @DisplayName("a responder cannot be opened locally")
    void responderOpen() {
        TunnelFsm fsm = new TunnelFsm(TunnelRole.RESPONDER, LOCAL, params(), RandomSource.seeded(1), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fsm.handle(new TunnelEvent.Open()))
                .isInstanceOf(IllegalStateException.class);
    }

    static TunnelParams params() {
        return TunnelParams.defaults("us");
    }

    static TunnelFsm inState(TunnelState s) {
        TunnelRole role = s == TunnelState.WAIT_CTL_CONN ? TunnelRole.RESPONDER : TunnelRole.INITIATOR;
        TunnelFsm fsm = new TunnelFsm(role, LOCAL, params(), RandomSource.seeded(7), null);
        switch (s) {
            case IDLE -> { }
            case WAIT_CTL_REPLY -> fsm.handle(new TunnelEvent.Open());
            case WAIT_CTL_CONN -> fsm.handle(new TunnelEvent.Received(Msgs.sccrq()));
            case ESTABLISHED -> establish(fsm);
            case CLOSING -> {
                establish(fsm);
                fsm.handle(new TunnelEvent.Close(StopCcnResult.GENERAL_REQUEST_TO_CLEAR, ErrorCode.NO_GENERAL_ERROR, ""));
            }
            case CLOSED -> {
                establish(fsm);
                fsm.handle(new TunnelEvent.Close(StopCcnResult.GENERAL_REQUEST_TO_CLEAR, ErrorCode.NO_GENERAL_ERROR, ""));
                fsm.handle(new TunnelEvent.TimerFired(TunnelTimer.STOP_HOLD));
            }
        }
        assertThat(fsm.state()).as("setup").isEqualTo(s);
        return fsm;
    }

    private static void establish(TunnelFsm fsm) {
        fsm.handle(new TunnelEvent.Open());
        fsm.handle(new TunnelEvent.Received(Msgs.sccrp(LOCAL)));
    }

    static TunnelEvent event(String name) {
        return switch (name) {
            case "OPEN" -> new TunnelEvent.Open();
            case "SCCRQ" -> received(Msgs.sccrq());
            case "SCCRP" -> received(Msgs.sccrp(LOCAL));
            case "SCCCN" -> received(Msgs.scccn(LOCAL));
            case "STOPCCN" -> received(Msgs.stopCcn(LOCAL, 1, 0));
            case "HELLO" -> received(Msgs.hello(LOCAL));
            case "ICRQ" -> received(Msgs.icrq(LOCAL));
            case "CLOSE" -> new TunnelEvent.Close(StopCcnResult.SHUTTING_DOWN, ErrorCode.NO_GENERAL_ERROR, "admin");
            case "INVALID" -> new TunnelEvent.InvalidMessage(StopCcnResult.GENERAL_ERROR,
                    ErrorCode.UNKNOWN_MANDATORY_AVP, "unknown M-bit AVP 99");
            case "T_HELLO" -> new TunnelEvent.TimerFired(TunnelTimer.HELLO);
            case "T_HOLD" -> new TunnelEvent.TimerFired(TunnelTimer.STOP_HOLD);
            case "UNRESPONSIVE" -> new TunnelEvent.PeerUnresponsive();
            case "ACTIVITY" -> new TunnelEvent.ActivityReceived();
            case "LOST" -> new TunnelEvent.LostTieBreak();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static TunnelEvent received(ControlMessage m) {
        return new TunnelEvent.Received(m);
    }

    static MessageType type(String s) {
        return MessageType.valueOf(s);
    }
}
