package net.vpdn.lns.ip;

/**
 * An open-addressing hash map from non-zero int keys (IPv4 addresses) to values: linear probing
 * over parallel arrays, backward-shift deletion, no boxing and no allocation on lookup. Key 0
 * (0.0.0.0) marks an empty slot and cannot be stored. Single-threaded.
 *
 * @param <V> the value type
 */
public final class IntKeyMap<V> {
    private static final int MAX_CAPACITY = 1 << 30;

    private int[] keys;
    private Object[] values;
    private int mask;
    private int size;

    /** A map sized for about {@code expected} entries without growing. */
    public IntKeyMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        allocate(Math.min(capacity, MAX_CAPACITY));
    }

    public int size() {
        return size;
    }

    /** The value for {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public V get(int key) {
        if (key == 0) {
            return null;
        }
        for (int i = slot(key); ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) {
                return (V) values[i];
            }
            if (k == 0) {
                return null;
            }
        }
    }

    /** Stores {@code value} under {@code key} unless the key is present; true when stored. */
    public boolean putIfAbsent(int key, V value) {
        if (key == 0 || value == null) {
            throw new IllegalArgumentException("key 0 and null values cannot be stored");
        }
        int i = slot(key);
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return true;
    }

    /** Removes {@code key} if it maps to {@code value} (identity); true when removed. */
    public boolean remove(int key, V value) {
        if (key == 0) {
            return false;
        }
        int i = slot(key);
        while (keys[i] != key) {
            if (keys[i] == 0) {
                return false;
            }
            i = (i + 1) & mask;
        }
        if (values[i] != value) {
            return false;
        }
        deleteAt(i);
        size--;
        return true;
    }

    /** Closes the gap at {@code hole} by shifting back entries whose probe run crosses it. */
    private void deleteAt(int hole) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            int k = keys[i];
            if (k == 0) {
                break;
            }
            int home = slot(k);
            // Move k back when its home is not in (hole, i] cyclically.
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                keys[hole] = k;
                values[hole] = values[i];
                hole = i;
            }
        }
        keys[hole] = 0;
        values[hole] = null;
    }

    private int slot(int key) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        if (keys.length >= MAX_CAPACITY) {
            throw new IllegalStateException("IntKeyMap full at " + size + " entries");
        }
        int[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(keys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                putIfAbsent(oldKeys[i], (V) oldValues[i]);
            }
        }
    }
}
