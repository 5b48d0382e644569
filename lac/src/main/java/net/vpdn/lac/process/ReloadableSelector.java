package net.vpdn.lac.process;

import java.util.function.Consumer;
import net.vpdn.lac.select.CallKey;
import net.vpdn.lac.select.Selection;
import net.vpdn.lac.select.TunnelSelector;

/** A selector whose rules a reload replaces at once, for every call selected afterwards. */
final class ReloadableSelector implements TunnelSelector {
    private volatile TunnelSelector current;

    ReloadableSelector(TunnelSelector initial) {
        this.current = initial;
    }

    void swap(TunnelSelector next) {
        current = next;
    }

    @Override
    public void select(CallKey key, Consumer<Selection> answer) {
        current.select(key, answer);
    }
}
