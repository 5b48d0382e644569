package net.vpdn.aaa.radius;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Server failover order and dead time, in virtual time")
class ServerPoolTest {
    static final long DEAD = 60_000_000_000L;

    @Test
    @DisplayName("a dead server is skipped until its dead time has passed, then tried first again")
    void deadTime() {
        ServerPool pool = new ServerPool(2, DEAD);
        assertThat(pool.order(0)).containsExactly(0, 1);
        pool.markDead(0, 1_000);
        assertThat(pool.order(1_000 + DEAD - 1)).containsExactly(1);
        assertThat(pool.order(1_000 + DEAD)).containsExactly(0, 1);
    }

    @Test
    @DisplayName("each server's own dead time applies to it")
    void deadTimePerServer() {
        ServerPool pool = new ServerPool(new long[] {DEAD, 2 * DEAD});
        pool.markDead(0, 0);
        pool.markDead(1, 0);
        pool.markAlive(0);
        pool.markDead(0, 0);
        assertThat(pool.isDead(0, DEAD - 1)).isTrue();
        assertThat(pool.isDead(0, DEAD)).isFalse();
        assertThat(pool.isDead(1, DEAD)).isTrue();
        assertThat(pool.isDead(1, 2 * DEAD)).isFalse();
    }

    @Test
    @DisplayName("when every server is dead all are tried anyway, in configured order")
    void allDead() {
        ServerPool pool = new ServerPool(3, DEAD);
        pool.markDead(0, 0);
        pool.markDead(1, 0);
        pool.markDead(2, 0);
        assertThat(pool.order(5)).containsExactly(0, 1, 2);
    }

    @Test
    @DisplayName("an answer revives a server at once")
    void alive() {
        ServerPool pool = new ServerPool(2, DEAD);
        pool.markDead(0, 0);
        pool.markAlive(0);
        assertThat(pool.order(1)).containsExactly(0, 1);
    }

    @Test
    @DisplayName("the dead-time comparison survives nanoTime wrap-around")
    void wrap() {
        ServerPool pool = new ServerPool(1, DEAD);
        pool.markDead(0, Long.MAX_VALUE - 10);
        assertThat(pool.isDead(0, Long.MIN_VALUE + 10)).isTrue();
        assertThat(pool.isDead(0, Long.MAX_VALUE - 10 + DEAD)).isFalse();
    }

    @Test
    @DisplayName("an id space hands out 256 distinct ids, then none, and reuses a freed one")
    void ids() {
        IdSpace<Object> space = new IdSpace<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        Object[] owners = new Object[256];
        for (int i = 0; i < 256; i++) {
            owners[i] = new Object();
            seen.add(space.allocate(owners[i]));
        }
        assertThat(seen).hasSize(256);
        assertThat(space.allocate(new Object())).isEqualTo(-1);
        int id = 17;
        Object holder = space.get(id);
        space.release(id, holder);
        assertThat(space.allocate(new Object())).isEqualTo(17);
    }
}
