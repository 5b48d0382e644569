package net.vpdn.l2tp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Seq: 16-bit modular sequence numbers (RFC 2661 §5.8)")
class SeqTest {

    @Nested
    @DisplayName("next and add")
    class NextAndAdd {
        @ParameterizedTest(name = "next({0}) = {1}")
        @CsvSource({"0, 1", "1, 2", "65534, 65535", "65535, 0"})
        void nextWraps(int seq, int expected) {
            assertThat(Seq.next(seq)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "add({0}, {1}) = {2}")
        @CsvSource({"65535, 1, 0", "65530, 10, 4", "0, -1, 65535", "5, -10, 65531", "100, 65536, 100"})
        void addIsModular(int seq, int delta, int expected) {
            assertThat(Seq.add(seq, delta)).isEqualTo(expected);
        }
    }

    @Nested
    @DisplayName("distance is the forward gap, modulo 65536")
    class Distance {
        @ParameterizedTest(name = "distance({0} -> {1}) = {2}")
        @CsvSource({"0, 0, 0", "0, 1, 1", "65535, 0, 1", "65530, 4, 10", "1, 0, 65535", "0, 32768, 32768"})
        void forwardGap(int from, int to, int expected) {
            assertThat(Seq.distance(from, to)).isEqualTo(expected);
        }
    }

    @Nested
    @DisplayName("lessThan: a precedes b when b is 1..32767 ahead")
    class LessThan {
        @ParameterizedTest(name = "{0} < {1} is {2}")
        @CsvSource({
                "0, 1, true",
                "1, 0, false",
                "5, 5, false",
                "65535, 0, true",       // across the wrap
                "0, 65535, false",
                "65000, 100, true",
                "0, 32767, true",       // last value of the half window
                "32767, 0, false",
                "0, 32768, false",      // exactly half way: neither precedes
                "32768, 0, false",
                "0, 32769, false",      // past half way: the other one precedes
                "32769, 0, true",
                "40000, 7231, true",    // 32767 ahead, across the wrap
                "40000, 7232, false",   // 32768 ahead, across the wrap
        })
        void table(int a, int b, boolean expected) {
            assertThat(Seq.lessThan(a, b)).isEqualTo(expected);
        }

        @Test
        @DisplayName("the rows across the wrap are 32767 and 32768 apart")
        void sanityOfTableRows() {
            assertThat(Seq.distance(40000, 7231)).isEqualTo(32767);
            assertThat(Seq.distance(40000, 7232)).isEqualTo(32768);
        }
    }

    @Nested
    @DisplayName("compare")
    class Compare {
        @ParameterizedTest(name = "compare({0}, {1}) = {2}")
        @CsvSource({"7, 7, 0", "65535, 0, -1", "0, 65535, 1", "0, 32767, -1", "32767, 0, 1",
                "0, 32768, -1", "32768, 0, 1"})
        void table(int a, int b, int expected) {
            assertThat(Integer.signum(Seq.compare(a, b))).isEqualTo(expected);
        }

        @ParameterizedTest(name = "antisymmetric around {0}")
        @CsvSource({"0", "1", "32767", "32768", "65535"})
        void antisymmetric(int a) {
            for (int d : new int[] {0, 1, 2, 32766, 32767, 32768, 32769, 65534, 65535}) {
                int b = Seq.add(a, d);
                assertThat(Seq.compare(a, b)).as("d=%d", d).isEqualTo(-Seq.compare(b, a));
            }
        }
    }

    @Nested
    @DisplayName("isDuplicate: the last received Ns and the 32767 before it")
    class Duplicate {
        @ParameterizedTest(name = "Ns {0} with {1} expected: duplicate={2}")
        @CsvSource({
                "4, 5, true",         // the last received
                "5, 5, false",        // the expected one
                "6, 5, false",        // early
                "65535, 0, true",     // last received before the wrap
                "0, 0, false",
                "32768, 0, true",     // 32768 before expected = last received minus 32767
                "32767, 0, false",    // one further is in the future half
                "1, 32769, true",
                "0, 32769, false",
        })
        void table(int ns, int expected, boolean duplicate) {
            assertThat(Seq.isDuplicate(ns, expected)).isEqualTo(duplicate);
        }
    }

    @Test
    @DisplayName("lessOrEqual and isValid")
    void lessOrEqualAndValid() {
        assertThat(Seq.lessOrEqual(65535, 65535)).isTrue();
        assertThat(Seq.lessOrEqual(65535, 0)).isTrue();
        assertThat(Seq.lessOrEqual(0, 65535)).isFalse();
        assertThat(Seq.isValid(0)).isTrue();
        assertThat(Seq.isValid(65535)).isTrue();
        assertThat(Seq.isValid(65536)).isFalse();
        assertThat(Seq.isValid(-1)).isFalse();
    }
}
