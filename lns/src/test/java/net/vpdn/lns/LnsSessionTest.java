package net.vpdn.lns;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.time.Duration;
import net.vpdn.lns.ip.IpDropReason;
import net.vpdn.lns.ip.Ipv4Packets;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.session.PppOutput;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.vtemplate.AddressLease;
import net.vpdn.vtemplate.TerminateCause;
import net.vpdn.vtemplate.VirtualAccessState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("LnsSession over an in-memory call")
class LnsSessionTest {

    private static byte[] bytes(Octets o) {
        return o.toArray();
    }

    @Nested
    @DisplayName("bring-up and data")
    class BringUp {
        @Test
        @DisplayName("a CHAP client reaches IPCP Opened with a pool address and accounting starts")
        void chapToIpcp() {
            Fixture f = new Fixture();
            Fixture.Call c = f.call("alice", "wonderland", 1).up();
            assertThat(c.client.ipv4).isNotNull();
            assertThat(c.address()).isEqualTo(Ipv4Address.of("10.20.0.1"));
            assertThat(c.client.ipv4.peerAddress()).isEqualTo(Fixture.GATEWAY);
            assertThat(c.lns.access().state()).isEqualTo(VirtualAccessState.UP);
            assertThat(c.lns.access().user()).contains("alice");
            assertThat(c.lns.access().lease().orElseThrow().source()).isEqualTo(AddressLease.Source.POOL);
            assertThat(f.pool.usage().inUse()).isEqualTo(1);
            assertThat(f.forwarder.routeCount()).isEqualTo(1);
            assertThat(f.starts).singleElement().satisfies(s -> {
                assertThat(s.interfaceName()).isEqualTo("Virtual-Access1");
                assertThat(s.user()).isEqualTo("alice");
                assertThat(s.peerAddress()).isEqualTo(c.address());
            });
        }

        @Test
        @DisplayName("a ping to the LNS address is answered with valid checksums")
        void pingLns() {
            Fixture f = new Fixture();
            Fixture.Call c = f.call("alice", "wonderland", 1).up();
            c.ping(Fixture.GATEWAY, 7);
            assertThat(c.client.delivered).hasSize(1);
            byte[] reply = bytes(c.client.delivered.get(0));
            assertThat(reply[20]).isEqualTo((byte) 0); // Echo Reply
            assertThat(Packets.getInt(reply, 12)).isEqualTo(Fixture.GATEWAY.bits());
            assertThat(Packets.getInt(reply, 16)).isEqualTo(c.address().bits());
            assertThat(Ipv4Packets.checksum(Unpooled.wrappedBuffer(reply), 0, 20)).isZero();
            assertThat(Ipv4Packets.checksum(Unpooled.wrappedBuffer(reply), 20, reply.length - 20)).isZero();
            assertThat(f.forwarder.echoReplies()).isEqualTo(1);
            assertThat(c.lns.access().counters().packetsIn()).isEqualTo(1);
            assertThat(c.lns.access().counters().packetsOut()).isEqualTo(1);
        }

        @Test
        @DisplayName("two subscribers ping each other through the forwarder, TTL decremented")
        void subscriberToSubscriber() {
            Fixture f = new Fixture();
            Fixture.Call a = f.call("alice", "wonderland", 1).up();
            Fixture.Call b = f.call("bob", "builder", 2).up();
            assertThat(b.address()).isNotEqualTo(a.address());
            a.ping(b.address(), 1);
            assertThat(b.client.delivered).singleElement().satisfies(p -> {
                byte[] packet = bytes(p);
                assertThat(packet[8]).isEqualTo((byte) 63);
                assertThat(Packets.getInt(packet, 12)).isEqualTo(a.address().bits());
                assertThat(Ipv4Packets.checksum(Unpooled.wrappedBuffer(packet), 0, 20)).isZero();
            });
            byte[] request = bytes(b.client.delivered.get(0));
            byte[] reply = Packets.icmp(b.address(), a.address(), 0, Packets.getInt(request, 24) >>> 16, 32, 64);
            f.loop.execute(() -> b.client.sendIpv4(reply));
            f.loop.drain();
            assertThat(a.client.delivered).hasSize(1);
            assertThat(f.forwarder.forwarded()).isEqualTo(2);
        }

        @Test
        @DisplayName("a packet with a source that is not the session's is dropped and counted")
        void antiSpoofing() {
            Fixture f = new Fixture();
            Fixture.Call a = f.call("alice", "wonderland", 1).up();
            byte[] spoofed = Packets.echoRequest(Ipv4Address.of("10.20.0.99"), Fixture.GATEWAY, 1, 8);
            f.loop.execute(() -> a.client.sendIpv4(spoofed));
            f.loop.drain();
            assertThat(a.client.delivered).isEmpty();
            assertThat(f.forwarder.dropped(IpDropReason.SPOOFED_SOURCE)).isEqualTo(1);
            assertThat(a.lns.access().counters().spoofDrops()).isEqualTo(1);
            assertThat(a.lns.access().counters().packetsIn()).isZero();
        }

        @Test
        @DisplayName("a wrong password gets CHAP Failure, no address is ever allocated, the call is cleared")
        void wrongPassword() {
            Fixture f = new Fixture();
            Fixture.Call c = f.call("alice", "looking-glass", 1).up();
            f.loop.advance(Duration.ofSeconds(30));
            assertThat(c.client.ipv4).isNull();
            assertThat(c.lns.access().isClosed()).isTrue();
            assertThat(c.lns.access().closeCause()).contains(TerminateCause.USER_ERROR);
            assertThat(c.lns.access().lease()).isEmpty();
            assertThat(f.pool.usage().allocations()).isZero();
            assertThat(c.link.hangUps).containsExactly(TerminateCause.USER_ERROR);
            assertThat(f.starts).isEmpty();
            assertThat(f.stops).isEmpty();
            assertThat(f.cloner.live()).isZero();
        }
    }

    @Nested
    @DisplayName("teardown releases the address exactly once")
    class Teardown {
        private final Fixture f = new Fixture(Fixture.template().withTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(5)));

        private void assertReleasedOnce(Fixture.Call c, TerminateCause cause) {
            assertThat(c.lns.access().closeCause()).contains(cause);
            assertThat(f.pool.usage().inUse()).isZero();
            assertThat(f.pool.usage().releases()).isEqualTo(1);
            assertThat(f.pool.usage().doubleReleases()).isZero();
            assertThat(f.forwarder.routeCount()).isZero();
            assertThat(f.cloner.live()).isZero();
            assertThat(f.stops).singleElement().satisfies(s -> assertThat(s.cause()).isEqualTo(cause));
            // A late lower-down or admin close must not release anything again.
            c.lns.lowerDown();
            c.lns.close(TerminateCause.ADMIN_RESET);
            assertThat(f.pool.usage().releases()).isEqualTo(1);
            assertThat(f.stops).hasSize(1);
        }

        @Test
        @DisplayName("LCP Terminate-Request from the client: User-Request, call cleared")
        void userRequest() {
            Fixture.Call c = f.call("alice", "wonderland", 1).up();
            f.loop.execute(() -> c.client.apply(c.client.ppp.close()));
            f.loop.advance(Duration.ofSeconds(10));
            assertReleasedOnce(c, TerminateCause.USER_REQUEST);
            assertThat(c.link.hangUps).containsExactly(TerminateCause.USER_REQUEST);
        }

        @Test
        @DisplayName("Terminate-Request from the client, then its LAC's CDN before LCP finishes: still User-Request")
        void userRequestThenCdn() {
            // Found against a real xl2tpd + pppd: pppd exits on our Terminate-Ack and xl2tpd sends CDN at
            // once, long before our Stopping timer ends LCP; the Stop said Lost-Carrier.
            Fixture.Call c = f.call("alice", "wonderland", 1).up();
            f.loop.execute(() -> c.client.apply(c.client.ppp.close()));
            f.loop.advance(Duration.ofMillis(100));
            assertThat(c.lns.access().isClosed()).as("LCP still stopping").isFalse();
            c.lns.lowerDown();
            assertReleasedOnce(c, TerminateCause.USER_REQUEST);
            assertThat(c.link.hangUps).as("the call is already gone: no CDN back").isEmpty();
        }

        @Test
        @DisplayName("lower layer down (CDN or tunnel loss): Lost-Carrier, no CDN sent back")
        void lowerDown() {
            Fixture.Call c = f.call("alice", "wonderland", 1).up();
            c.lns.lowerDown();
            assertReleasedOnce(c, TerminateCause.LOST_CARRIER);
            assertThat(c.link.hangUps).isEmpty();
        }

        @Test
        @DisplayName("idle timeout: traffic from the subscriber postpones it, silence ends the session")
        void idle() {
            Fixture.Call c = f.call("alice", "wonderland", 1).up();
            f.loop.advance(Duration.ofSeconds(20));
            c.ping(Fixture.GATEWAY, 1);
            f.loop.advance(Duration.ofSeconds(20));
            assertThat(c.lns.access().isClosed()).isFalse();
            f.loop.advance(Duration.ofSeconds(15));
            assertReleasedOnce(c, TerminateCause.IDLE_TIMEOUT);
            assertThat(c.link.hangUps).containsExactly(TerminateCause.IDLE_TIMEOUT);
        }

        @Test
        @DisplayName("session timeout ends a busy session on time")
        void sessionTimeout() {
            Fixture g = new Fixture(Fixture.template().withTimeouts(Duration.ZERO, Duration.ofSeconds(90)));
            Fixture.Call c = g.call("alice", "wonderland", 1).up();
            for (int i = 0; i < 8; i++) {
                g.loop.advance(Duration.ofSeconds(10));
                c.ping(Fixture.GATEWAY, i);
            }
            assertThat(c.lns.access().isClosed()).isFalse();
            g.loop.advance(Duration.ofSeconds(20));
            assertThat(c.lns.access().closeCause()).contains(TerminateCause.SESSION_TIMEOUT);
            assertThat(g.pool.usage().inUse()).isZero();
            assertThat(g.pool.usage().releases()).isEqualTo(1);
            assertThat(g.stops).singleElement().satisfies(s -> assertThat(s.counters().packetsIn()).isEqualTo(8));
        }

        @Test
        @DisplayName("admin close sends Terminate-Request, then releases and clears the call with Admin-Reset")
        void adminClose() {
            Fixture.Call c = f.call("alice", "wonderland", 1).up();
            c.lns.close(TerminateCause.ADMIN_RESET);
            assertThat(f.forwarder.routeCount()).isZero();
            f.loop.drain();
            assertThat(c.lns.access().isClosed()).isTrue(); // the client's Terminate-Ack came back at once
            f.loop.advance(Duration.ofSeconds(10));
            assertThat(c.client.outputs(PppOutput.LinkDown.class)).isNotEmpty();
            assertReleasedOnce(c, TerminateCause.ADMIN_RESET);
            assertThat(c.link.hangUps).containsExactly(TerminateCause.ADMIN_RESET);
        }
    }
}
