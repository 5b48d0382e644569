package net.vpdn.l2tp.session;

import java.util.BitSet;
import java.util.Objects;
import net.vpdn.l2tp.RandomSource;

/**
 * Random non-zero 16-bit ids (tunnel ids per engine, session ids per tunnel, RFC 2661 §3.1)
 * without collisions among live ones. Random ids make blind injection harder than sequential
 * ones. A few random probes find a free id quickly while the space is sparse; when it is nearly
 * full a word-wise scan from a random start finds one in at most 1,024 word reads. Pure, not
 * thread-safe.
 *
 * <p>A released id rests until {@value #REST} later releases have happened before it is handed out
 * again (or sooner, when nothing else is free). A peer may still remember the call or tunnel that
 * just ended: xl2tpd 1.3.18 ignores an ICRQ whose Assigned Session ID matches a call it has cleared
 * but not yet forgotten ("Peer requested call N twice"), acknowledging it without ever answering, so
 * a random id that happened to hit a recent one left about 1 call in 700 hanging until the LAC's
 * setup timeout (the xl2tpd-compare runs). The rest costs 2 KiB per allocator, allocated at the
 * first release.
 */
public final class IdAllocator {

    /** Ids are 1..65535; 0 means "none" on the wire. */
    public static final int CAPACITY = 0xFFFF;

    /** How many later releases a released id waits for before it can be handed out again. */
    public static final int REST = 1024;

    private static final int PROBES = 8;

    private final RandomSource random;
    /** Live and resting ids: not free. */
    private final BitSet live = new BitSet(CAPACITY + 1);
    private int count;
    /** Released ids in release order, a ring of {@link #REST}; null until the first release. */
    private char[] resting;
    private int restHead;
    private int restSize;

    public IdAllocator(RandomSource random) {
        this.random = Objects.requireNonNull(random, "random");
        live.set(0);
    }

    /** A free id, now live; 0 when all 65,535 are in use. */
    public int allocate() {
        if (count + restSize == CAPACITY) {
            if (restSize == 0) return 0;
            wakeOldest(); // nothing else is free: the id that has rested longest
        }
        for (int i = 0; i < PROBES; i++) {
            int id = random.nextInt() & 0xFFFF;
            if (!live.get(id)) return take(id);
        }
        int start = random.nextInt() & 0xFFFF;
        int id = live.nextClearBit(start);
        if (id > CAPACITY) id = live.nextClearBit(1);
        return take(id);
    }

    /** Marks a specific id live (e.g. restored state); false when it is 0, out of range, live or resting. */
    public boolean reserve(int id) {
        if (id < 1 || id > CAPACITY || live.get(id)) return false;
        take(id);
        return true;
    }

    /** Frees an id (it rests before it is handed out again); false when it was not live. */
    public boolean release(int id) {
        if (!isLive(id)) return false;
        count--;
        if (resting == null) resting = new char[REST];
        if (restSize == REST) wakeOldest();
        resting[(restHead + restSize) % REST] = (char) id;
        restSize++;
        return true;
    }

    public boolean isLive(int id) {
        return id >= 1 && id <= CAPACITY && live.get(id) && !isResting(id);
    }

    /** How many released ids are resting. */
    public int restingCount() {
        return restSize;
    }

    private boolean isResting(int id) {
        for (int i = 0; i < restSize; i++) {
            if (resting[(restHead + i) % REST] == id) return true;
        }
        return false;
    }

    private void wakeOldest() {
        live.clear(resting[restHead]);
        restHead = (restHead + 1) % REST;
        restSize--;
    }

    /** How many ids are live. */
    public int liveCount() {
        return count;
    }

    private int take(int id) {
        live.set(id);
        count++;
        return id;
    }
}
