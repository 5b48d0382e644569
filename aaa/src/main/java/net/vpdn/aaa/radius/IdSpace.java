package net.vpdn.aaa.radius;

/**
 * The 256 RADIUS identifiers of one (source socket, server address) pair (RFC 2865 §3: the id
 * must be unique among outstanding requests to one server from one source). Not thread-safe:
 * used on the client's event loop.
 *
 * @param <T> what is outstanding under an id
 */
public final class IdSpace<T> {
    private final Object[] outstanding = new Object[256];
    private int next;
    private int used;

    /** Allocates a free identifier for {@code value}, or -1 when all 256 are in use. */
    public int allocate(T value) {
        if (used == 256) {
            return -1;
        }
        // rotate so that a freed id is not reused at once (a late reply would hit the new request)
        for (int i = 0; i < 256; i++) {
            int id = (next + i) & 0xFF;
            if (outstanding[id] == null) {
                outstanding[id] = value;
                used++;
                next = (id + 1) & 0xFF;
                return id;
            }
        }
        return -1;
    }

    /** What is outstanding under {@code id}, or null. */
    @SuppressWarnings("unchecked")
    public T get(int id) {
        return (T) outstanding[id & 0xFF];
    }

    /** Frees {@code id} if it holds {@code value}. */
    public void release(int id, T value) {
        if (outstanding[id & 0xFF] == value) {
            outstanding[id & 0xFF] = null;
            used--;
        }
    }

    /** Identifiers in use. */
    public int used() {
        return used;
    }
}
