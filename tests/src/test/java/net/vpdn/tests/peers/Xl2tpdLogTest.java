package net.vpdn.tests.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.vpdn.tests.peers.Xl2tpdEvent.CallClosedByPeer;
import net.vpdn.tests.peers.Xl2tpdEvent.CallClosedLocally;
import net.vpdn.tests.peers.Xl2tpdEvent.CallEstablished;
import net.vpdn.tests.peers.Xl2tpdEvent.Listening;
import net.vpdn.tests.peers.Xl2tpdEvent.PeerResultCode;
import net.vpdn.tests.peers.Xl2tpdEvent.PppdExited;
import net.vpdn.tests.peers.Xl2tpdEvent.PppdNoDevPpp;
import net.vpdn.tests.peers.Xl2tpdEvent.ProtocolProblem;
import net.vpdn.tests.peers.Xl2tpdEvent.Terminated;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelAuthFailed;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelClosedByPeer;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelClosedLocally;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelEstablished;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The log parser against lines copied from real xl2tpd 1.3.18 runs on this host. */
@DisplayName("Xl2tpdLog")
class Xl2tpdLogTest {

    @Nested
    @DisplayName("recognises the lines of a successful call")
    class Success {
        @Test
        @DisplayName("listening, tunnel and call establishment, with the ids in xl2tpd's local/remote order")
        void establishment() {
            assertThat(Xl2tpdLog.parse("xl2tpd[4289]: Listening on IP address 127.0.0.1, port 41701"))
                    .contains(new Listening("127.0.0.1", 41701));
            assertThat(Xl2tpdLog.parse("xl2tpd[4289]: Connection established to 127.0.0.1, 41702.  Local: 48631, "
                    + "Remote: 14172 (ref=0/0).  LNS session is 'default'"))
                    .contains(new TunnelEstablished("127.0.0.1", 41702, 48631, 14172));
            assertThat(Xl2tpdLog.parse("xl2tpd[4291]: Connection established to 127.0.0.1, 41701.  Local: 14172, "
                    + "Remote: 48631 (ref=0/0)."))
                    .contains(new TunnelEstablished("127.0.0.1", 41701, 14172, 48631));
            assertThat(Xl2tpdLog.parse("xl2tpd[4289]: Call established with 127.0.0.1, PID: 4296, Local: 43810, "
                    + "Remote: 22825, Serial: 1"))
                    .contains(new CallEstablished("127.0.0.1", 43810, 22825, 1));
            assertThat(Xl2tpdLog.parse("xl2tpd[4291]: Call established with 127.0.0.1, Local: 22825, Remote: 43810, "
                    + "Serial: 1 (ref=0/0)"))
                    .contains(new CallEstablished("127.0.0.1", 22825, 43810, 1));
            assertThat(Xl2tpdLog.parse("xl2tpd[20013]: Call established with 127.0.0.1, PID: 20016, Local: 10419, "
                    + "Remote: 3037, Serial: -1666175591"))
                    .as("a serial above 2^31 is printed signed")
                    .contains(new CallEstablished("127.0.0.1", 10419, 3037, -1666175591));
        }

        @Test
        @DisplayName("the benign end: pppd without /dev/ppp exits with code 4 and xl2tpd clears the call")
        void pppdEnd() {
            assertThat(Xl2tpdLog.parse("/usr/sbin/pppd: You need to create the /dev/ppp device node by"))
                    .contains(new PppdNoDevPpp());
            PppdExited exited = (PppdExited) Xl2tpdLog.parse(
                    "xl2tpd[4291]: child_handler : pppd exited for call 43810 with code 4").orElseThrow();
            assertThat(exited).isEqualTo(new PppdExited(43810, 4));
            assertThat(exited.noKernelPpp()).isTrue();
            assertThat(new PppdExited(1, 1).noKernelPpp()).isFalse();
            assertThat(Xl2tpdLog.parse("xl2tpd[4291]: call_close: Call 22825 to 127.0.0.1 disconnected"))
                    .contains(new CallClosedLocally(22825));
            assertThat(Xl2tpdLog.parse("xl2tpd[4289]: control_finish: Connection closed to 127.0.0.1, serial 1 ()"))
                    .contains(new CallClosedByPeer(1, ""));
        }

        @Test
        @DisplayName("the hang-up: StopCCN sent and received, with the peer's Result Code from 'debug avp'")
        void hangUp() {
            assertThat(Xl2tpdLog.parse("xl2tpd[4291]: Connection 48631 closed to 127.0.0.1, port 41701 (Goodbye!)"))
                    .contains(new TunnelClosedLocally(48631, 41701, "Goodbye!"));
            assertThat(Xl2tpdLog.parse("xl2tpd[4289]: control_finish: Connection closed to 127.0.0.1, port 41702 "
                    + "(Goodbye!), Local: 48631, Remote: 14172"))
                    .contains(new TunnelClosedByPeer(41702, "Goodbye!", 48631, 14172));
            assertThat(Xl2tpdLog.parse("xl2tpd[4982]: result_code_avp: peer closing for reason 1 (General request "
                    + "to clear control connection), error = 0 ()"))
                    .contains(new PeerResultCode(1, 0, ""));
            assertThat(Xl2tpdLog.parse("xl2tpd[4289]: death_handler: Fatal signal 15 received"))
                    .contains(new Terminated(15));
        }
    }

    @Nested
    @DisplayName("recognises failures")
    class Failures {
        @Test
        @DisplayName("a wrong tunnel secret: the detecting side's auth failure and the other side's result 2/6")
        void wrongSecret() {
            assertThat(Xl2tpdLog.parse("xl2tpd[4771]: control_finish: Invalid authentication for host 'lns1'"))
                    .contains(new TunnelAuthFailed("lns1"));
            assertThat(Xl2tpdLog.parse("xl2tpd[4883]: result_code_avp: peer closing for reason 2 (General "
                    + "error--Error Code indicates the problem), error = 6 (Invalid challenge authentication)"))
                    .contains(new PeerResultCode(2, 6, "Invalid challenge authentication"));
            assertThat(Xl2tpdLog.parse("xl2tpd[4771]: Connection 49925 closed to 127.0.0.1, port 41701 "
                    + "(Invalid challenge authentication)"))
                    .contains(new TunnelClosedLocally(49925, 41701, "Invalid challenge authentication"));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "xl2tpd[4881]: handle_control: bad AVP handling!",
                "xl2tpd[4881]: handle_avps: Bad exit status handling attribute 0 (Message Type) on mandatory packet.",
                "xl2tpd[4881]: message_type_avp: attempting to negotiate ICRQ when state != SCCCN",
                "xl2tpd[4881]: network_thread: bad packet",
                "xl2tpd[4883]: network_thread: unable to find call or tunnel to handle packet.  call = 0, tunnel = 52605 Dumping.",
                "xl2tpd[4883]: Can not find tunnel 52605 (refhim=0)"})
        @DisplayName("protocol problems keep the whole line")
        void problems(String line) {
            assertThat(Xl2tpdLog.parse(line)).contains(new ProtocolProblem(line));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "xl2tpd[4289]: Not looking for kernel SAref support.",
            "xl2tpd[4289]: L2TP kernel support not detected (try modprobing l2tp_ppp and pppol2tp)",
            "xl2tpd[4289]: control_finish: Warning: Peer did not specify transmit speed",
            "xl2tpd[4289]: \"/dev/pts/1\" ",
            "xl2tpd[4289]: start_pppd: I'm running: ",
            "xl2tpd[4982]: message_type_avp: message type 6 (Hello)"})
    @DisplayName("ignores informational lines, including the echoed pppd command line")
    void ignores(String line) {
        assertThat(Xl2tpdLog.parse(line)).isEmpty();
    }

    @Test
    @DisplayName("parseAll keeps the order of a real LAC log")
    void order() {
        List<Xl2tpdEvent> events = Xl2tpdLog.parseAll(List.of(
                "xl2tpd[4291]: Listening on IP address 127.0.0.1, port 41702",
                "xl2tpd[4291]: Connection established to 127.0.0.1, 41701.  Local: 14172, Remote: 48631 (ref=0/0).",
                "xl2tpd[4291]: Calling on tunnel 14172",
                "xl2tpd[4291]: child_handler : pppd exited for call 43810 with code 4",
                "xl2tpd[4291]: call_close: Call 22825 to 127.0.0.1 disconnected"));
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Listening", "TunnelEstablished", "PppdExited", "CallClosedLocally");
    }

    @Test
    @DisplayName("a duplicate's 'bad control packet!' is not a protocol problem; an out-of-order one from the future is")
    void duplicateAftermath() {
        var dup = Xl2tpdLog.parseAll(List.of(
                "xl2tpd[2585]: check_control: Received out of order control packet on tunnel 10633 (got 2, expected 3)",
                "xl2tpd[2585]: handle_control: bad control packet!"));
        assertThat(dup).containsExactly(new Xl2tpdEvent.DuplicateReceived(10633, 2, 3));
        var ahead = Xl2tpdLog.parseAll(List.of(
                "xl2tpd[2585]: check_control: Received out of order control packet on tunnel 10633 (got 9, expected 3)",
                "xl2tpd[2585]: handle_control: bad control packet!"));
        assertThat(ahead).hasSize(2).last().isInstanceOf(Xl2tpdEvent.ProtocolProblem.class);
        var glued = Xl2tpdLog.parseAll(List.of(
                " (ref=0/0)xl2tpd[23694]: check_control: Received out of order control packet on tunnel 15886 (got 2, expected 3)",
                "xl2tpd[23694]: handle_control: bad control packet!"));
        assertThat(glued).as("after an unterminated line").containsExactly(new Xl2tpdEvent.DuplicateReceived(15886, 2, 3));
    }
}
