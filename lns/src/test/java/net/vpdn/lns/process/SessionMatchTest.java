package net.vpdn.lns.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.vpdn.admin.SessionRef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Which sessions an admin session reference names")
class SessionMatchTest {
    record S(int tunnel, int session, String iface) { }

    static final List<S> ALL = List.of(new S(10, 5, "Virtual-Access1"), new S(11, 5, "Virtual-Access2"),
            new S(11, 6, null));

    static List<S> match(String text) {
        SessionRef ref = ((SessionRef.Parsed.Ok) SessionRef.parse(text)).ref();
        return Teardowns.matching(ref, ALL, S::tunnel, S::session, S::iface);
    }

    @Test
    @DisplayName("a session id two tunnels share matches both (409), TUNNEL/SESSION and the interface match one")
    void forms() {
        assertThat(match("5")).hasSize(2);
        assertThat(match("11/5")).containsExactly(ALL.get(1));
        assertThat(match("10/5")).containsExactly(ALL.get(0));
        assertThat(match("Vi2")).containsExactly(ALL.get(1));
        assertThat(match("virtual-access1")).containsExactly(ALL.get(0));
        assertThat(match("6")).containsExactly(ALL.get(2));
        assertThat(match("10/6")).isEmpty();
        assertThat(match("Vi3")).isEmpty();
    }
}
