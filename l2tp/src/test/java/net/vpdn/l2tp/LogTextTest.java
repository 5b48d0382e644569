package net.vpdn.l2tp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("LogText: wire strings cannot split a key=value log line")
class LogTextTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "lac1                 | lac1",
            "alice@example.com    | alice@example.com",
            "``                   | -",
            "`two words`          | \"two words\"",
            "`a=b`                | \"a=b\"",
            "`say \"hi\"`         | \"say \\\"hi\\\"\"",
    })
    @DisplayName("plain tokens stay as they are, anything else is quoted and escaped")
    void examples(String in, String out) {
        assertThat(LogText.value(in)).isEqualTo(out);
    }

    @Test
    @DisplayName("a line break in a user name cannot start a forged log line")
    void noInjection() {
        String forged = "bob\nts=2026-01-01T00:00:00Z level=ERROR logger=lns event=forged";
        assertThat(LogText.value(forged)).doesNotContain("\n").startsWith("\"bob?ts=");
        assertThat(LogText.value(null)).isEqualTo("-");
        assertThat(LogText.quoted("x".repeat(500))).hasSize(LogText.MAX + 3);
    }

    @Test
    @DisplayName("addresses print without the leading slash; IPv6 in brackets")
    void addresses() throws Exception {
        assertThat(LogText.address(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 1701))).isEqualTo("127.0.0.1:1701");
        assertThat(LogText.address(new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 1701))).isEqualTo("[2001:db8:0:0:0:0:0:1]:1701");
        assertThat(LogText.address(null)).isEqualTo("-");
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 200).mapToObj(i -> 0x10C7E47L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("any string becomes one value: no control character, no space outside quotes, quotes balanced")
    void oneValue(long seed) {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            s.appendCodePoint(r.nextInt(4) == 0 ? r.nextInt(0x100) : " \"\\='\n\r\ta\u2028\u0085".charAt(r.nextInt(11)));
        }
        String v = LogText.value(s.toString());
        assertThat(v.codePoints()).noneMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028);
        if (v.startsWith("\"")) {
            String inside = v.substring(1, v.length() - 1);
            assertThat(v).endsWith("\"");
            assertThat(inside.replace("\\\\", "").replace("\\\"", "")).doesNotContain("\"");
        } else {
            assertThat(v).doesNotContain(" ").doesNotContain("=").doesNotContain("\"");
        }
    }
}
