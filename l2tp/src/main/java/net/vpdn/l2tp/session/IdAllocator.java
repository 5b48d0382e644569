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
 */
public final class IdAllocator {

    /** Ids are 1..65535; 0 means "none" on the wire. */
    public static final int CAPACITY = 0xFFFF;

    private static final int PROBES = 8;

    private final RandomSource random;
    private final BitSet live = new BitSet(CAPACITY + 1);
    private int count;

    public IdAllocator(RandomSource random) {
        this.random = Objects.requireNonNull(random, "random");
        live.set(0);
    }

    /** A free id, now live; 0 when all 65,535 are in use. */
    public int allocate() {
        if (count == CAPACITY) return 0;
        for (int i = 0; i < PROBES; i++) {
            int id = random.nextInt() & 0xFFFF;
            if (!live.get(id)) return take(id);
        }
        int start = random.nextInt() & 0xFFFF;
        int id = live.nextClearBit(start);
        if (id > CAPACITY) id = live.nextClearBit(1);
        return take(id);
    }

    /** Marks a specific id live (e.g. restored state); false when it is 0, out of range or already live. */
    public boolean reserve(int id) {
        if (id < 1 || id > CAPACITY || live.get(id)) return false;
        take(id);
        return true;
    }

    /** Frees an id; false when it was not live. */
    public boolean release(int id) {
        if (id < 1 || id > CAPACITY || !live.get(id)) return false;
        live.clear(id);
        count--;
        return true;
    }

    public boolean isLive(int id) {
        return id >= 1 && id <= CAPACITY && live.get(id);
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
