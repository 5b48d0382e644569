package net.vpdn.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.vpdn.aaa.radius.RadiusObserver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("docs/metrics.md documents every metric")
class MetricsDocTest {
    static final Path DOC = Path.of("..", "docs", "metrics.md");

    static String doc() throws IOException {
        return Files.readString(DOC);
    }

    /** The Micrometer names of {@link MetricNames} (the dotted constants, not the label keys). */
    static List<String> meterNames() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field f : MetricNames.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
                    && ((String) f.get(null)).startsWith("vpdn.")) {
                names.add((String) f.get(null));
            }
        }
        return names;
    }

    @Test
    @DisplayName("every MetricNames constant appears, rendered, in a table row")
    void everyConstant() throws Exception {
        String doc = doc();
        assertThat(meterNames()).hasSizeGreaterThan(30).allSatisfy(n ->
                assertThat(doc).as(n).contains("| `" + n.replace('.', '_')));
    }

    @Test
    @DisplayName("every family of a full LNS-side scrape is a table row with its exact exported name")
    void everyFamily() throws Exception {
        String doc = doc();
        try (Fixture f = new Fixture()) {
            f.radius.completed("r1", RadiusObserver.Type.ACCESS, RadiusObserver.Outcome.ACCEPT, 1_000_000);
            Exposition e = new Exposition(f.metrics.scrape());
            assertThat(e.types().keySet()).isNotEmpty().allSatisfy(family -> {
                // Micrometer's companion _max gauge of a histogram is covered by the histogram's row.
                String documented = family.endsWith("_max")
                        && "histogram".equals(e.types().get(family.substring(0, family.length() - 4)))
                        ? family.substring(0, family.length() - 4) : family;
                assertThat(doc).as(family).contains("| `" + documented + "` |");
            });
        }
    }
}
