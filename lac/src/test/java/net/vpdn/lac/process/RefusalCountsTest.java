package net.vpdn.lac.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import net.vpdn.lac.select.RefusalReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("event=stopped carries the refusals as one key=value token")
class RefusalCountsTest {
    @Test
    @DisplayName("none when nothing was refused, else the non-zero reasons without spaces")
    void counts() {
        Map<RefusalReason, Long> m = new EnumMap<>(RefusalReason.class);
        for (RefusalReason r : RefusalReason.values()) m.put(r, 0L);
        assertThat(LacProcess.refusalCounts(m)).isEqualTo("none");
        m.put(RefusalReason.NO_DOMAIN, 2L);
        m.put(RefusalReason.SESSION_LIMIT, 1L);
        assertThat(LacProcess.refusalCounts(m)).isEqualTo("NO_DOMAIN:2,SESSION_LIMIT:1");
    }
}
