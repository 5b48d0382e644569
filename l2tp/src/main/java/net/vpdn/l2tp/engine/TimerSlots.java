package net.vpdn.l2tp.engine;

import java.time.Duration;

/**
 * One host timer per value of an enum (a tunnel's HELLO and StopCCN hold, its transport's
 * retransmit and ack delay): arming replaces, firing runs inside the engine's serial executor.
 */
final class TimerSlots<K extends Enum<K>> {
    private final L2tpEngine engine;
    private final EngineHost.TimerHandle[] slots;

    TimerSlots(L2tpEngine engine, int size) {
        this.engine = engine;
        this.slots = new EngineHost.TimerHandle[size];
    }

    void arm(K key, Duration after, Runnable onFire) {
        cancel(key);
        int i = key.ordinal();
        slots[i] = engine.host().schedule(after, () -> engine.run(() -> {
            slots[i] = null;
            onFire.run();
        }));
    }

    void cancel(K key) {
        EngineHost.TimerHandle h = slots[key.ordinal()];
        if (h != null) {
            h.cancel();
            slots[key.ordinal()] = null;
        }
    }

    void cancelAll() {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null) {
                slots[i].cancel();
                slots[i] = null;
            }
        }
    }
}
