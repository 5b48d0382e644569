package net.vpdn.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.vpdn.admin.FakeModel;
import net.vpdn.admin.ReloadReport;
import net.vpdn.admin.SessionView;
import net.vpdn.admin.TunnelView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Tables print Cisco-like text")
class TablesTest {

    static final TunnelView LONG_NAME = new TunnelView(7, 0, "192.0.2.10", 1701, "2001:db8::1", 50000,
            "a-very-long-lac-host-name.access.example.net", "wait-ctl-conn", 0, 9 * 86_400 + 5 * 3600, null);
    static final SessionView HALF_OPEN = new SessionView(12, 0, 7, 0, "wait-connect", null, null, null, null, null,
            90_000, 0, 0, 0, 0);

    @Nested
    @DisplayName("show tunnels")
    class Tunnels {
        @Test
        @DisplayName("sorts by local id, cuts a long host name with ~, and sums the sessions")
        void golden() {
            assertThat(Tables.tunnels(List.of(FakeModel.TUNNEL, LONG_NAME))).isEqualTo("""
                    LocTunID  RemTunID  Remote Name       State          Remote Address   Port  Sessions  Uptime    VPDN Group
                    7         0         a-very-long-lac~  wait-ctl-conn  2001:db8::1     50000         0  1w2d      -
                    12345     54321     lac1.example.net  established    192.0.2.1        1701         2  01:02:03  isp-a
                    2 tunnels, 2 sessions
                    """);
        }

        @Test
        @DisplayName("an empty list is one line, as in IOS")
        void empty() {
            assertThat(Tables.tunnels(List.of())).isEqualTo("%No active L2TP tunnels\n");
        }
    }

    @Nested
    @DisplayName("show sessions")
    class Sessions {
        @Test
        @DisplayName("on the LNS shows interface and address, dashes for unknown values, distinct tunnels counted")
        void lns() {
            assertThat(Tables.sessions("lns", List.of(FakeModel.SESSION, HALF_OPEN))).isEqualTo("""
                    LocID  RemID  TunID  Username     Interface        Address   State         Uptime    Pkts In  Pkts Out  Bytes In  Bytes Out
                    12     0      7      -            -                -         wait-connect  1d01h           0         0         0          0
                    4711   815    12345  alice@isp-a  Virtual-Access3  10.0.0.7  established   00:01:05      120        98     64000      12345
                    2 tunnels, 2 sessions
                    """);
        }

        @Test
        @DisplayName("on the LAC shows access line and calling number, and neutralises terminal escapes from the wire")
        void lac() {
            SessionView s = new SessionView(4711, 815, 12345, 54321, "established", "bob\u001b[31m@isp",
                    "eth1.100:0011.2233.4455", null, "0612345678", "0800123", 65, 120, 98, 64000, 12345);
            assertThat(Tables.sessions("lac", List.of(s))).isEqualTo("""
                    LocID  RemID  TunID  Username      Access Line              Calling     State        Uptime    Pkts In  Pkts Out  Bytes In  Bytes Out
                    4711   815    12345  bob?[31m@isp  eth1.100:0011.2233.4455  0612345678  established  00:01:05      120        98     64000      12345
                    1 tunnel, 1 session
                    """);
        }

        @Test
        @DisplayName("an empty list is one line, as in IOS")
        void empty() {
            assertThat(Tables.sessions("lac", List.of())).isEqualTo("%No active L2TP sessions\n");
        }
    }

    @Nested
    @DisplayName("show summary")
    class Summary {
        @Test
        @DisplayName("totals, then counts by state sorted by name")
        void counts() {
            assertThat(Tables.summary("lns", List.of(FakeModel.TUNNEL, LONG_NAME), List.of(FakeModel.SESSION, HALF_OPEN)))
                    .isEqualTo("""
                            L2TP lns: 2 tunnels, 2 sessions
                              tunnels by state:  established 1, wait-ctl-conn 1
                              sessions by state: established 1, wait-connect 1
                            """);
        }
    }

    @Test
    @DisplayName("reload prints counts, then one line per key")
    void reload() {
        var report = new ReloadReport(List.of("lns.hello-interval"), List.of("lns.listen"), List.of("aaa.radius: no server"));
        assertThat(Tables.reload(report)).isEqualTo("""
                Reload: 1 change applied, 1 need a restart, 1 error (nothing applied)
                  applied           lns.hello-interval
                  restart required  lns.listen
                  error             aaa.radius: no server
                """);
    }

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource({"0, 00:00:00", "59, 00:00:59", "3723, 01:02:03", "86399, 23:59:59", "86400, 1d00h",
            "90000, 1d01h", "604799, 6d23h", "604800, 1w0d", "5443200, 9w0d"})
    @DisplayName("uptime follows IOS: hh:mm:ss, then NdNNh, then NwNd")
    void uptime(long seconds, String text) {
        assertThat(Tables.uptime(seconds)).isEqualTo(text);
    }
}
