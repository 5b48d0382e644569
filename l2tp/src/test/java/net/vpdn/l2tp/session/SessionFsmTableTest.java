package net.vpdn.l2tp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.wire.MessageType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (role × state × event kind × message type) cell of the session FSMs, RFC 2661 §7.3-§7.5.
 * A cell is "." (same state, nothing sent), "STATE" (nothing sent), "STATE/TYPE" (TYPE sent) or
 * "!" (a programming error: IllegalStateException).
 */
@DisplayName("Session FSMs: every cell of the four tables")
class SessionFsmTableTest {

    private static final int LOCAL = 1234;

    private static final String COLUMNS =
            "ICRQ ICRP ICCN OCRQ OCRP OCCN CDN WEN SLI OPEN TUNNEL_UP TUNNEL_DOWN ANSWER REJECT BEARER CLOSE INVALID";

    private static final String TABLE = """
        LAC_INCOMING IDLE           CLOSED      CLOSED           CLOSED      CLOSED      CLOSED             CLOSED      CLOSED . .  WAIT_TUNNEL .               CLOSED .                  .          .                   CLOSED     CLOSED
        LAC_INCOMING WAIT_TUNNEL    .           .                .           .           .                  .           .      . .  .           WAIT_REPLY/ICRQ CLOSED .                  .          .                   CLOSED     CLOSED
        LAC_INCOMING WAIT_REPLY     CLOSED/CDN  ESTABLISHED/ICCN CLOSED      CLOSED/CDN  CLOSED/CDN         CLOSED/CDN  CLOSED . .  .           .               CLOSED .                  .          .                   CLOSED/CDN CLOSED/CDN
        LAC_INCOMING ESTABLISHED    CLOSED/CDN  CLOSED/CDN       CLOSED/CDN  CLOSED/CDN  CLOSED/CDN         CLOSED/CDN  CLOSED . .  .           .               CLOSED .                  .          .                   CLOSED/CDN CLOSED/CDN
        LAC_INCOMING CLOSED         .           .                .           .           .                  .           .      . .  .           .               .      .                  .          .                   .          .
        LNS_INCOMING IDLE           WAIT_DECISION CLOSED/CDN     CLOSED      CLOSED      CLOSED             CLOSED      CLOSED . .  !           .               CLOSED .                  .          .                   CLOSED     CLOSED
        LNS_INCOMING WAIT_DECISION  CLOSED/CDN  CLOSED/CDN       CLOSED/CDN  CLOSED/CDN  CLOSED/CDN         CLOSED/CDN  CLOSED . .  .           .               CLOSED WAIT_CONNECT/ICRP  CLOSED/CDN .                   CLOSED/CDN CLOSED/CDN
        LNS_INCOMING WAIT_CONNECT   CLOSED/CDN  CLOSED/CDN       ESTABLISHED CLOSED/CDN  CLOSED/CDN         CLOSED/CDN  CLOSED . .  .           .               CLOSED .                  .          .                   CLOSED/CDN CLOSED/CDN
        LNS_INCOMING ESTABLISHED    CLOSED/CDN  CLOSED/CDN       CLOSED/CDN  CLOSED/CDN  CLOSED/CDN         CLOSED/CDN  CLOSED . .  .           .               CLOSED .                  .          .                   CLOSED/CDN CLOSED/CDN
        LNS_INCOMING CLOSED         .           .                .           .           .                  .           .      . .  .           .               .      .                  .          .                   .          .
        LAC_OUTGOING IDLE           CLOSED      CLOSED           CLOSED      WAIT_DECISION CLOSED/CDN       CLOSED      CLOSED . .  !           .               CLOSED .                  .          .                   CLOSED     CLOSED
        LAC_OUTGOING WAIT_DECISION  CLOSED/CDN  CLOSED/CDN       CLOSED/CDN  CLOSED/CDN  CLOSED/CDN         CLOSED/CDN  CLOSED . .  .           .               CLOSED WAIT_CS_ANSWER/OCRP CLOSED/CDN .                  CLOSED/CDN CLOSED/CDN
        LAC_OUTGOING WAIT_CS_ANSWER CLOSED/CDN  CLOSED/CDN       CLOSED/CDN  CLOSED/CDN  CLOSED/CDN         CLOSED/CDN  CLOSED . .  .           .               CLOSED .                  .          ESTABLISHED/OCCN    CLOSED/CDN CLOSED/CDN
        LAC_OUTGOING ESTABLISHED    CLOSED/CDN  CLOSED/CDN       CLOSED/CDN  CLOSED/CDN  CLOSED/CDN         CLOSED/CDN  CLOSED . .  .           .               CLOSED .                  .          .                   CLOSED/CDN CLOSED/CDN
        LAC_OUTGOING CLOSED         .           .                .           .           .                  .           .      . .  .           .               .      .                  .          .                   .          .
        LNS_OUTGOING IDLE           CLOSED      CLOSED           CLOSED      CLOSED      CLOSED             CLOSED      CLOSED . .  WAIT_TUNNEL .               CLOSED .                  .          .                   CLOSED     CLOSED
        LNS_OUTGOING WAIT_TUNNEL    .           .                .           .           .                  .           .      . .  .           WAIT_REPLY/OCRQ CLOSED .                  .          .                   CLOSED     CLOSED
        LNS_OUTGOING WAIT_REPLY     CLOSED/CDN  CLOSED/CDN       CLOSED/CDN  CLOSED/CDN  WAIT_CONNECT       CLOSED/CDN  CLOSED . .  .           .               CLOSED .                  .          .                   CLOSED/CDN CLOSED/CDN
        LNS_OUTGOING WAIT_CONNECT   CLOSED/CDN  CLOSED/CDN       CLOSED/CDN  CLOSED/CDN  CLOSED/CDN         ESTABLISHED CLOSED . .  .           .               CLOSED .                  .          .                   CLOSED/CDN CLOSED/CDN
        LNS_OUTGOING ESTABLISHED    CLOSED/CDN  CLOSED/CDN       CLOSED/CDN  CLOSED/CDN  CLOSED/CDN         CLOSED/CDN  CLOSED . .  .           .               CLOSED .                  .          .                   CLOSED/CDN CLOSED/CDN
        LNS_OUTGOING CLOSED         .           .                .           .           .                  .           .      . .  .           .               .      .                  .          .                   .          .
        """;

    static Stream<Arguments> cells() {
        String[] cols = COLUMNS.split(" ");
        return TABLE.lines().map(String::strip).filter(l -> !l.isEmpty()).flatMap(line -> {
            String[] f = line.split("\\s+");
            if (f.length != cols.length + 2) throw new IllegalStateException("bad row: " + line);
            SessionRole role = SessionRole.valueOf(f[0]);
            SessionState state = SessionState.valueOf(f[1]);
            return IntStream.range(0, cols.length).mapToObj(i -> Arguments.of(role, state, cols[i], f[i + 2]));
        });
    }

    @ParameterizedTest(name = "{0} {1} + {2} -> {3}")
    @MethodSource("cells")
    void cell(SessionRole role, SessionState state, String event, String expected) {
        SessionFsm fsm = inState(role, state);
        if (expected.equals("!")) {
            assertThatThrownBy(() -> fsm.handle(event(event))).isInstanceOf(IllegalStateException.class);
            return;
        }
        List<SessionAction> actions = fsm.handle(event(event));
        String[] parts = expected.split("/");
        SessionState next = parts[0].equals(".") ? state : SessionState.valueOf(parts[0]);
        String sent = parts.length > 1 ? parts[1] : "";
        assertThat(fsm.state()).as("next state").isEqualTo(next);
        assertThat(sentTypes(actions)).as("sent").isEqualTo(sent);
        if (expected.equals(".")) {
            boolean notice = (event.equals("SLI") || event.equals("WEN")) && state == SessionState.ESTABLISHED;
            assertThat(actions.stream().allMatch(a -> notice
                    && (a instanceof SessionAction.LinkInfo || a instanceof SessionAction.WanError)))
                    .as("no action except a WEN/SLI notice: " + actions).isTrue();
        }
        if (next == SessionState.CLOSED && state != SessionState.CLOSED) {
            assertThat(actions).last().isInstanceOf(SessionAction.Closed.class);
        }
    }

    @Test
    @DisplayName("the table lists every state each role can enter")
    void tableCoversReachableStates() {
        for (SessionRole role : SessionRole.values()) {
            List<SessionState> listed = TABLE.lines().map(String::strip).filter(l -> l.startsWith(role.name() + " "))
                    .map(l -> SessionState.valueOf(l.split("\\s+")[1])).toList();
            List<SessionState> reachable = new ArrayList<>();
            for (SessionState s : SessionState.values()) if (SessionTable.reachable(role, s)) reachable.add(s);
            assertThat(listed).as(role.name()).containsExactlyInAnyOrderElementsOf(reachable);
        }
    }

    static String sentTypes(List<SessionAction> actions) {
        return actions.stream().filter(a -> a instanceof SessionAction.Send)
                .map(a -> ((SessionAction.Send) a).msg().type().name()).collect(Collectors.joining(","));
    }

    static SessionFsm inState(SessionRole role, SessionState target) {
        SessionFsm fsm = new SessionFsm(role, LOCAL, RandomSource.seeded(11));
        for (SessionEvent e : path(role)) {
            if (fsm.state() == target) break;
            fsm.handle(e);
        }
        if (target == SessionState.CLOSED) fsm.handle(close());
        assertThat(fsm.state()).as("setup").isEqualTo(target);
        return fsm;
    }

    /** The happy path of each role; {@link #inState} stops at the wanted state. */
    private static List<SessionEvent> path(SessionRole role) {
        return switch (role) {
            case LAC_INCOMING -> List.of(open(), new SessionEvent.TunnelUp(), recv(MessageType.ICRP));
            case LNS_INCOMING -> List.of(recv(MessageType.ICRQ), new SessionEvent.Answer(), recv(MessageType.ICCN));
            case LAC_OUTGOING -> List.of(recv(MessageType.OCRQ), new SessionEvent.Answer(),
                    new SessionEvent.BearerAnswered(CallParams.EMPTY));
            case LNS_OUTGOING -> List.of(open(), new SessionEvent.TunnelUp(), recv(MessageType.OCRP),
                    recv(MessageType.OCCN));
        };
    }

    private static SessionEvent open() {
        return new SessionEvent.Open(CallParams.EMPTY, CallParams.EMPTY);
    }

    private static SessionEvent close() {
        return new SessionEvent.Close(CdnResult.ADMINISTRATIVE, ErrorCode.NO_GENERAL_ERROR, "");
    }

    private static SessionEvent recv(MessageType t) {
        return new SessionEvent.Received(SessionMsgs.of(t, LOCAL));
    }

    static SessionEvent event(String name) {
        return switch (name) {
            case "OPEN" -> open();
            case "TUNNEL_UP" -> new SessionEvent.TunnelUp();
            case "TUNNEL_DOWN" -> new SessionEvent.TunnelDown();
            case "ANSWER" -> new SessionEvent.Answer();
            case "REJECT" -> new SessionEvent.Reject(CdnResult.TEMPORARY_LACK_OF_RESOURCES,
                    ErrorCode.INSUFFICIENT_RESOURCES, "full");
            case "BEARER" -> new SessionEvent.BearerAnswered(CallParams.EMPTY);
            case "CLOSE" -> close();
            case "INVALID" -> new SessionEvent.InvalidMessage(CdnResult.GENERAL_ERROR, ErrorCode.UNKNOWN_MANDATORY_AVP, "x");
            default -> recv(MessageType.valueOf(name));
        };
    }
}
