package net.vpdn.l2tp.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An open-addressing map from a 16-bit id to a value, without boxing: the lookup on every data
 * packet (tunnel id, then session id) must not allocate. Keys are 1..65535; 0 is "empty".
 */
final class IntMap<V> {
    private int[] keys;
    private Object[] values;
    private int size;

    IntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
        keys = new int[cap];
        values = new Object[cap];
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B1;
        return h ^ (h >>> 16);
    }

    @SuppressWarnings("unchecked")
    V get(int key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) return (V) values[i];
            if (k == 0) return null;
        }
    }

    void put(int key, V value) {
        if (key <= 0 || key > 0xFFFF) throw new IllegalArgumentException("id out of range: " + key);
        if ((size + 1) * 4 > keys.length * 3) grow();
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) { values[i] = value; return; }
            if (keys[i] == 0) { keys[i] = key; values[i] = value; size++; return; }
        }
    }

    /** Removes with backward-shift deletion so probe chains stay intact without tombstones. */
    void remove(int key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != key) {
            if (keys[i] == 0) return;
            i = (i + 1) & mask;
        }
        size--;
        for (int j = (i + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int home = mix(keys[j]) & mask;
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                keys[i] = keys[j];
                values[i] = values[j];
                i = j;
            }
        }
        keys[i] = 0;
        values[i] = null;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    List<V> values() {
        List<V> out = new ArrayList<>(size);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) out.add((V) values[i]);
        }
        return out;
    }

    void forEach(Consumer<V> action) {
        values().forEach(action);
    }

    private void grow() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                @SuppressWarnings("unchecked") V v = (V) oldValues[i];
                put(oldKeys[i], v);
            }
        }
    }
}
