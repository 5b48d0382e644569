package net.vpdn.aaa.radius;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tinyradius.core.packet.PacketType;

/**
 * The bench's radius run lost Access-Accepts in the LNS's RADIUS socket (84 kernel drops, 84
 * retransmissions, 3.01 s worst answer) when a socket's replies came back together while the client's
 * loop was busy. Here the loop is held while the server answers all 256 identifiers of one socket at once.
 */
@DisplayName("RADIUS client: a burst of replies while its loop is busy")
class RadiusClientBurstTest {
    static final Secret SECRET = Secret.of("k");
    static final int BURST = 256; // every identifier of the one source socket, to each of auth and acct
    final EventLoopGroup clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    final EventLoopGroup serverGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    @AfterEach
    void stop() {
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** A server that only collects requests; the test sends the answers when it chooses. */
    record Held(Channel channel, LinkedBlockingQueue<DatagramPacket> requests) { }

    Held holdingServer() throws InterruptedException {
        LinkedBlockingQueue<DatagramPacket> requests = new LinkedBlockingQueue<>();
        Channel ch = new Bootstrap().group(serverGroup).channel(NioDatagramChannel.class)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
                        requests.add(msg.retain());
                    }
                }).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        return new Held(ch, requests);
    }

    @Test
    @DisplayName("all 256 replies of one socket, arriving while the loop is blocked, are taken: none lost, none retransmitted")
    void burstWhileBusy() throws Exception {
        Held auth = holdingServer();
        Held acct = holdingServer();
        RadiusSettings s = new RadiusSettings(List.of(new RadiusServer("fake", (InetSocketAddress) auth.channel().localAddress(),
                (InetSocketAddress) acct.channel().localAddress(), SECRET)), Duration.ofSeconds(3), 1,
                Duration.ofSeconds(30), 1, 10, Optional.empty(), false);
        RadiusStats stats = new RadiusStats();
        EventLoop loop = clientGroup.next();
        try (RadiusClient c = RadiusClient.open(s, loop, PppRandom.seeded(7), System::nanoTime, stats)) {
            List<CompletableFuture<RadiusExchange.Outcome>> answers = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                answers.add(c.send(new RadiusExchange.Request(PacketType.ACCESS_REQUEST,
                        List.of(Attributes.text("User-Name", "user" + i)), Secret.of("p"))).toCompletableFuture());
                answers.add(c.send(new RadiusExchange.Request(PacketType.ACCOUNTING_REQUEST,
                        List.of(Attributes.text("User-Name", "user" + i), Attributes.integer("Acct-Status-Type", 1)), null))
                        .toCompletableFuture());
            }
            List<DatagramPacket> authRequests = received(auth);
            List<DatagramPacket> acctRequests = received(acct);
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            loop.execute(() -> { // the AAA loop busy (or starved of CPU) while the replies arrive
                busy.countDown();
                awaitQuietly(release);
            });
            assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
            answerAll(auth, authRequests, PacketType.ACCESS_ACCEPT);
            answerAll(acct, acctRequests, PacketType.ACCOUNTING_RESPONSE);
            release.countDown();
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(answers).allSatisfy(f -> assertThat(f.join()).isInstanceOf(RadiusExchange.Answered.class));
            assertThat(stats.retransmits.sum()).isZero();
            assertThat(stats.replies.sum()).isEqualTo(2L * BURST);
        }
    }

    private static List<DatagramPacket> received(Held server) throws InterruptedException {
        List<DatagramPacket> requests = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            DatagramPacket r = server.requests().poll(5, TimeUnit.SECONDS);
            assertThat(r).as("request %d reached the server", i).isNotNull();
            requests.add(r);
        }
        return requests;
    }

    /** Answers every request at once; returns when the kernel has them all for the client's socket. */
    private static void answerAll(Held server, List<DatagramPacket> requests, byte code) throws Exception {
        for (DatagramPacket r : requests) {
            server.channel().write(new DatagramPacket(Unpooled.wrappedBuffer(answer(r, code)), r.sender()));
            r.release();
        }
        server.channel().flush();
        server.channel().eventLoop().submit(() -> { }).get(5, TimeUnit.SECONDS);
    }

    private static byte[] answer(DatagramPacket request, byte code) {
        if (!(RadiusWire.decode(ByteBufUtil.getBytes(request.content())) instanceof DecodeResult.Decoded d)) {
            throw new AssertionError("the client sent an undecodable request");
        }
        return RadiusWire.reply(code, d.identifier(), List.of(), SECRET, Octets.of(d.packet().getAuthenticator()));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
