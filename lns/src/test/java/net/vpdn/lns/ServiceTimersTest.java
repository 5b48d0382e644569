package net.vpdn.lns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import net.vpdn.vtemplate.TerminateCause;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Interim-Update timer and per-user admission of an LNS session, in virtual time")
class ServiceTimersTest {

    @Test
    @DisplayName("the configured interval sends Interim-Updates with the counters so far, and none after the Stop")
    void configuredInterval() {
        Fixture f = new Fixture(Fixture.template(), Duration.ofSeconds(30));
        Fixture.Call c = f.call("alice", "wonderland", 1).up();
        long up = f.starts.getFirst().startedNanos();
        f.loop.advance(Duration.ofSeconds(29));
        assertThat(f.interims).isEmpty();
        c.ping(Fixture.GATEWAY, 1);
        f.loop.advance(Duration.ofSeconds(1));
        assertThat(f.interims).singleElement().satisfies(i -> {
            assertThat(i.atNanos() - up).isEqualTo(Duration.ofSeconds(30).toNanos());
            assertThat(i.counters().packetsIn()).isEqualTo(1);
            assertThat(i.counters().packetsOut()).isEqualTo(1);
            assertThat(i.counters().octetsIn()).isPositive();
            assertThat(i.info().user()).isEqualTo("alice");
        });
        c.ping(Fixture.GATEWAY, 2);
        f.loop.advance(Duration.ofSeconds(30));
        assertThat(f.interims).hasSize(2);
        assertThat(f.interims.get(1).counters().packetsIn()).isEqualTo(2);
        assertThat(f.interims.get(1).atNanos() - up).isEqualTo(Duration.ofSeconds(60).toNanos());
        c.lns.lowerDown();
        f.loop.advance(Duration.ofMinutes(5));
        assertThat(f.stops).hasSize(1);
        assertThat(f.interims).as("no Interim-Update after the Stop").hasSize(2);
    }

    @Test
    @DisplayName("Acct-Interim-Interval from AAA overrides the configured interval")
    void aaaInterval() {
        Fixture f = new Fixture(Fixture.template(), Duration.ofSeconds(30));
        f.grant = a -> a.withInterimInterval(Duration.ofSeconds(100));
        f.call("alice", "wonderland", 1).up();
        f.loop.advance(Duration.ofSeconds(99));
        assertThat(f.interims).isEmpty();
        f.loop.advance(Duration.ofSeconds(1));
        assertThat(f.interims).hasSize(1);
    }

    @Test
    @DisplayName("no interval anywhere: no Interim-Update")
    void none() {
        Fixture f = new Fixture();
        f.call("alice", "wonderland", 1).up();
        f.loop.advance(Duration.ofHours(2));
        assertThat(f.interims).isEmpty();
        assertThat(f.starts).hasSize(1);
    }

    @Test
    @DisplayName("a user the admission refuses fails authentication: no address, no Start, call cleared")
    void refusedUser() {
        Fixture f = new Fixture();
        f.admission = (user, granted) -> user.equals("bob") ? Optional.of("session limit of 1 reached") : Optional.empty();
        Fixture.Call alice = f.call("alice", "wonderland", 1).up();
        Fixture.Call bob = f.call("bob", "builder", 2).up();
        f.loop.advance(Duration.ofSeconds(10));
        assertThat(alice.lns.access().isClosed()).isFalse();
        assertThat(bob.lns.access().closeCause()).contains(TerminateCause.USER_ERROR);
        assertThat(bob.link.hangUps).containsExactly(TerminateCause.USER_ERROR);
        assertThat(f.starts).extracting(LnsSessionInfo::user).containsExactly("alice");
        assertThat(f.pool.usage().inUse()).isEqualTo(1);
    }

    @Test
    @DisplayName("admission sees what AAA granted (Port-Limit)")
    void admissionSeesGrant() {
        Fixture f = new Fixture();
        f.grant = a -> a.withSessionLimit(3);
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        f.admission = (user, granted) -> {
            seen.add(granted.sessionLimit().orElse(-1));
            return Optional.empty();
        };
        f.call("alice", "wonderland", 1).up();
        assertThat(seen).containsExactly(3);
        assertThat(f.starts).hasSize(1);
    }
}
