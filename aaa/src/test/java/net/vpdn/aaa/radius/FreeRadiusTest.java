package net.vpdn.aaa.radius;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import net.vpdn.aaa.AuthResult;
import net.vpdn.aaa.SessionContext;
import net.vpdn.aaa.TunnelLookup;
import net.vpdn.aaa.acct.AccountingQueue;
import net.vpdn.aaa.acct.AccountingRecord;
import net.vpdn.aaa.tunnel.TunnelSet;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthRequest;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.auth.chap.ChapMd5;
import net.vpdn.ppp.auth.mschapv2.MsChapV2;
import net.vpdn.ppp.wire.Octets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Against a real FreeRADIUS 3 on loopback")
class FreeRadiusTest {
    static final String SECRET = "vpdn-it-secret";
    static final String USERS = """
            example.com	Cleartext-Password := "vpdn"
            	Service-Type = Outbound-User,
            	Tunnel-Type:1 = L2TP,
            	Tunnel-Medium-Type:1 = IPv4,
            	Tunnel-Server-Endpoint:1 = "127.0.0.1",
            	Tunnel-Password:1 = "t0psecret",
            	Tunnel-Assignment-Id:1 = "lns1",
            	Tunnel-Client-Auth-Id:1 = "lac1",
            	Tunnel-Server-Auth-Id:1 = "lns1",
            	Tunnel-Preference:1 = 2,
            	Tunnel-Type:2 = L2TP,
            	Tunnel-Medium-Type:2 = IPv4,
            	Tunnel-Server-Endpoint:2 = "127.0.0.2",
            	Tunnel-Password:2 = "a-much-longer-tunnel-secret-of-33",
            	Tunnel-Assignment-Id:2 = "lns2",
            	Tunnel-Client-Auth-Id:2 = "lac1",
            	Tunnel-Preference:2 = 1

            alice@example.com	Cleartext-Password := "alicepass"
            	Service-Type = Framed-User,
            	Framed-Protocol = PPP,
            	Framed-IP-Address = 10.99.0.100

            bob@example.com	Cleartext-Password := "bobpass"
            	Service-Type = Framed-User,
            	Framed-Protocol = PPP,
            	Framed-IP-Address = 10.99.0.101,
            	Session-Timeout = 3600,
            	Acct-Interim-Interval = 300,
            	Port-Limit = 2
            """;

    static FreeRadiusServer server;
    static EventLoopGroup group;
    static RadiusStats stats;
    static RadiusClient client;
    static RadiusBackend backend;

    @BeforeAll
    static void start() throws Exception {
        server = FreeRadiusServer.start(SECRET, USERS);
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        stats = new RadiusStats();
        RadiusSettings settings = settings(List.of(serverAt("fr1", server.authPort, server.acctPort)), Duration.ofSeconds(2), 2);
        client = RadiusClient.open(settings, group.next(), PppRandom.secure(), System::nanoTime, stats);
        backend = new RadiusBackend(client, settings, Secret.of("vpdn"), System::nanoTime);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (server != null) {
            server.close();
        }
    }

    static RadiusServer serverAt(String name, int authPort, int acctPort) {
        InetAddress lo = InetAddress.getLoopbackAddress();
        return new RadiusServer(name, new InetSocketAddress(lo, authPort), new InetSocketAddress(lo, acctPort), Secret.of(SECRET));
    }

    static RadiusSettings settings(List<RadiusServer> servers, Duration timeout, int tries) {
        return new RadiusSettings(servers, timeout, tries, Duration.ofSeconds(30), 2, 100, Optional.of("vpdn-it"), false);
    }

    static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(15, TimeUnit.SECONDS);
    }

    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    static final SessionContext CTX = SessionContext.of("it-session-1");

    @Nested
    @DisplayName("authentication")
    class Authentication {
        @Test
        @DisplayName("PAP with the right password is accepted with the user's Framed-IP-Address")
        void papAccept() throws Exception {
            AuthResult r = await(backend.authenticate(new AuthRequest.Pap("alice@example.com", Secret.of("alicepass")), CTX));
            assertThat(r).isInstanceOfSatisfying(AuthResult.Accept.class, a ->
                    assertThat(a.authorization().framedAddress()).hasValueSatisfying(ip -> assertThat(ip.getHostAddress()).isEqualTo("10.99.0.100")));
        }

        @Test
        @DisplayName("PAP with a wrong password is rejected")
        void papReject() throws Exception {
            assertThat(await(backend.authenticate(new AuthRequest.Pap("alice@example.com", Secret.of("nope")), CTX)))
                    .isInstanceOf(AuthResult.Reject.class);
        }

        @Test
        @DisplayName("CHAP-MD5 with the right response is accepted with Session-Timeout, Acct-Interim-Interval and Port-Limit")
        void chapAccept() throws Exception {
            Octets challenge = Octets.fromHex("00112233445566778899aabbccddeeff");
            Octets response = ChapMd5.response(7, Secret.of("bobpass"), challenge);
            AuthResult r = await(backend.authenticate(new AuthRequest.ChapMd5("bob@example.com", 7, challenge, response), CTX));
            assertThat(r).isInstanceOfSatisfying(AuthResult.Accept.class, a -> {
                assertThat(a.authorization().sessionTimeout()).contains(Duration.ofHours(1));
                assertThat(a.authorization().interimInterval()).contains(Duration.ofMinutes(5));
                assertThat(a.authorization().sessionLimit()).isEqualTo(OptionalInt.of(2));
            });
        }

        @Test
        @DisplayName("CHAP-MD5 computed with the wrong password is rejected")
        void chapReject() throws Exception {
            Octets challenge = Octets.fromHex("0102030405060708090a0b0c0d0e0f10");
            Octets response = ChapMd5.response(9, Secret.of("wrong"), challenge);
            assertThat(await(backend.authenticate(new AuthRequest.ChapMd5("bob@example.com", 9, challenge, response), CTX)))
                    .isInstanceOf(AuthResult.Reject.class);
        }

        @Test
        @DisplayName("MS-CHAPv2 is accepted and the server's S= response matches the one we compute")
        void msChapAccept() throws Exception {
            Octets authChallenge = Octets.fromHex("5b5d7c7d7b3f2f3e3c2c602132262628");
            Octets peerChallenge = Octets.fromHex("21402324255e262a28295f2b3a337c7e");
            Secret password = Secret.of("alicepass");
            Octets nt = MsChapV2.ntResponse(authChallenge, peerChallenge, "alice@example.com", password);
            AuthResult r = await(backend.authenticate(new AuthRequest.MsChapV2("alice@example.com", 3, authChallenge, peerChallenge, nt), CTX));
            String expected = MsChapV2.authenticatorResponse(password, nt, peerChallenge, authChallenge, "alice@example.com");
            assertThat(r).isInstanceOfSatisfying(AuthResult.Accept.class, a -> assertThat(a.authorization().message()).isEqualTo(expected));
        }

        @Test
        @DisplayName("MS-CHAPv2 computed with the wrong password is rejected")
        void msChapReject() throws Exception {
            Octets authChallenge = Octets.fromHex("00000000000000000000000000000001");
            Octets peerChallenge = Octets.fromHex("00000000000000000000000000000002");
            Octets nt = MsChapV2.ntResponse(authChallenge, peerChallenge, "alice@example.com", Secret.of("wrong"));
            assertThat(await(backend.authenticate(new AuthRequest.MsChapV2("alice@example.com", 4, authChallenge, peerChallenge, nt), CTX)))
                    .isInstanceOf(AuthResult.Reject.class);
        }
    }

    @Test
    @DisplayName("a domain's two tagged tunnel sets come back ordered by Tunnel-Preference, passwords decrypted")
    void tunnels() throws Exception {
        TunnelLookup r = await(backend.tunnelsFor("example.com"));
        assertThat(r).isInstanceOf(TunnelLookup.Found.class);
        List<TunnelSet> sets = ((TunnelLookup.Found) r).sets();
        assertThat(sets).hasSize(2);
        TunnelSet first = sets.get(0);
        TunnelSet second = sets.get(1);
        assertThat(first.tag()).isEqualTo(2);
        assertThat(first.preference()).isEqualTo(OptionalInt.of(1));
        assertThat(first.serverEndpoints()).containsExactly("127.0.0.2");
        assertThat(first.password()).contains(Secret.of("a-much-longer-tunnel-secret-of-33"));
        assertThat(first.assignmentId()).contains("lns2");
        assertThat(second.tag()).isEqualTo(1);
        assertThat(second.type()).isEqualTo(TunnelSet.TYPE_L2TP);
        assertThat(second.medium()).isEqualTo(TunnelSet.MEDIUM_IPV4);
        assertThat(second.password()).contains(Secret.of("t0psecret"));
        assertThat(second.clientAuthId()).contains("lac1");
        assertThat(second.serverAuthId()).contains("lns1");
        assertThat(await(backend.tunnelsFor("unknown.example"))).isInstanceOf(TunnelLookup.NotFound.class);
    }

    @Test
    @DisplayName("session and tunnel accounting reach FreeRADIUS's detail file, with Gigawords")
    void accounting() throws Exception {
        AccountingQueue queue = new AccountingQueue(100, 8, Duration.ofMillis(200), backend, group.next(),
                (d, t) -> group.next().schedule(t, d.toNanos(), TimeUnit.NANOSECONDS));
        AccountingRecord.TunnelInfo tunnel = new AccountingRecord.TunnelInfo("127.0.0.1", "127.0.0.2", "tunnel-7/session-9",
                Optional.of("lac1"), Optional.of("lns1"), Optional.of("lns1"));
        long now = System.nanoTime();
        var counters = new AccountingRecord.Counters(5_000_000_000L, 1234, 10, 20);
        queue.account(record(AccountingRecord.Status.TUNNEL_START, "tunnel-7", AccountingRecord.Counters.ZERO, OptionalInt.empty(), tunnel, now));
        queue.account(record(AccountingRecord.Status.START, "acct-42", AccountingRecord.Counters.ZERO, OptionalInt.empty(), tunnel, now));
        queue.account(record(AccountingRecord.Status.INTERIM_UPDATE, "acct-42", counters, OptionalInt.empty(), tunnel, now));
        queue.account(record(AccountingRecord.Status.STOP, "acct-42", counters, OptionalInt.of(1), tunnel, now));
        queue.account(record(AccountingRecord.Status.TUNNEL_LINK_STOP, "acct-42", counters, OptionalInt.empty(), tunnel, now));
        queue.account(record(AccountingRecord.Status.TUNNEL_STOP, "tunnel-7", AccountingRecord.Counters.ZERO, OptionalInt.empty(), tunnel, now));
        awaitTrue(() -> queue.sent.sum() == 6, "6 acknowledged accounting records");
        String detail = server.detail();
        for (String status : List.of("Start", "Interim-Update", "Stop", "Tunnel-Start", "Tunnel-Stop", "Tunnel-Link-Stop")) {
            assertThat(detail).contains("Acct-Status-Type = " + status);
        }
        assertThat(detail).contains("Acct-Input-Gigawords = 1", "Acct-Input-Octets = 705032704", "Acct-Terminate-Cause = User-Request",
                "Tunnel-Client-Endpoint:0 = \"127.0.0.1\"", "Tunnel-Server-Endpoint:0 = \"127.0.0.2\"", "Tunnel-Type:0 = L2TP", "Acct-Tunnel-Connection = \"tunnel-7/session-9\"");
        assertThat(queue.dropped.sum()).isZero();
    }

    static AccountingRecord record(AccountingRecord.Status status, String id, AccountingRecord.Counters c, OptionalInt cause,
                                   AccountingRecord.TunnelInfo tunnel, long now) throws Exception {
        return new AccountingRecord(status, id, Optional.of("alice@example.com"),
                Optional.of((java.net.Inet4Address) InetAddress.getByName("10.99.0.100")), c, Duration.ofSeconds(61), cause,
                Optional.of(tunnel), now);
    }

    @Test
    @DisplayName("when the first server is down, requests fail over to the second and then skip the dead one")
    void failover() throws Exception {
        int deadPort = FreeRadiusServer.freeUdpPort();
        RadiusStats own = new RadiusStats();
        RadiusSettings s = settings(List.of(serverAt("down", deadPort, deadPort), serverAt("fr1", server.authPort, server.acctPort)),
                Duration.ofMillis(150), 2);
        try (RadiusClient c = RadiusClient.open(s, group.next(), PppRandom.secure(), System::nanoTime, own)) {
            RadiusBackend b = new RadiusBackend(c, s, Secret.of("vpdn"), System::nanoTime);
            AuthRequest alice = new AuthRequest.Pap("alice@example.com", Secret.of("alicepass"));
            assertThat(await(b.authenticate(alice, CTX))).isInstanceOf(AuthResult.Accept.class);
            assertThat(own.failovers.sum()).isEqualTo(1);
            assertThat(own.retransmits.sum()).isEqualTo(1);
            assertThat(await(b.authenticate(alice, CTX))).isInstanceOf(AuthResult.Accept.class);
            assertThat(own.failovers.sum()).as("the dead server is skipped during its dead time").isEqualTo(1);
            assertThat(own.retransmits.sum()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a Disconnect-Request from radclient ends the named session and gets an ACK; an unknown one a NAK")
    void disconnect() throws Exception {
        List<DisconnectListener.Target> seen = new CopyOnWriteArrayList<>();
        DisconnectListener.Handler handler = t -> {
            seen.add(t);
            return CompletableFuture.completedFuture(t.equals(new DisconnectListener.Target.BySessionId("acct-42")) ? 1 : 0);
        };
        try (DisconnectListener l = DisconnectListener.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), group.next(),
                Map.of(InetAddress.getLoopbackAddress(), Secret.of(SECRET)), handler, stats)) {
            String ack = radclient(l.localAddress().getPort(), "Acct-Session-Id = \"acct-42\"\nMessage-Authenticator = 0x00\n");
            assertThat(ack).contains("Received Disconnect-ACK");
            String nak = radclient(l.localAddress().getPort(), "Acct-Session-Id = \"nobody\"\nMessage-Authenticator = 0x00\n");
            assertThat(nak).contains("Received Disconnect-NAK").contains("Error-Cause = Session-Context-Not-Found");
            assertThat(seen).containsExactly(new DisconnectListener.Target.BySessionId("acct-42"), new DisconnectListener.Target.BySessionId("nobody"));
        }
    }

    static String radclient(int port, String input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("radclient", "-x", "-r", "1", "-t", "3", "127.0.0.1:" + port, "disconnect", SECRET)
                .redirectErrorStream(true).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
