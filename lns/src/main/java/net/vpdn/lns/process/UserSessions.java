package net.vpdn.lns.process;

import java.util.HashMap;
import java.util.Map;

/** Sessions held per user name, for the per-user session limit. Loop-confined. */
final class UserSessions {
    private final Map<String, Integer> held = new HashMap<>();

    /** Counts one more session of {@code user} unless it holds {@code limit} already (0 = no limit). */
    boolean admit(String user, int limit) {
        int now = held.getOrDefault(user, 0);
        if (limit > 0 && now >= limit) {
            return false;
        }
        held.put(user, now + 1);
        return true;
    }

    /** One session of {@code user} ended; {@code null} (never admitted) does nothing. */
    void release(String user) {
        if (user != null) {
            held.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** Sessions {@code user} holds. */
    int held(String user) {
        return held.getOrDefault(user, 0);
    }

    /** Users holding at least one session. */
    int users() {
        return held.size();
    }
}
