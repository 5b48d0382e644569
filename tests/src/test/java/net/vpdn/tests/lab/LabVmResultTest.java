package net.vpdn.tests.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link LabVm.Result}: reading the guest's {@code RESULT} lines. */
@DisplayName("A guest RESULT line")
class LabVmResultTest {
    final LabVm.Result up = new LabVm.Result("ppp up if=ppp0 local=10.99.0.10 remote=10.99.0.1 peer=none");

    @Test
    @DisplayName("matches its leading words, whole words only")
    void leadingWords() {
        assertThat(up.is("ppp up")).isTrue();
        assertThat(up.is("ppp")).isTrue();
        assertThat(up.is("ppp u")).isFalse();
        assertThat(up.is("ppp down")).isFalse();
        assertThat(new LabVm.Result("hangup ok").is("hangup ok")).isTrue();
    }

    @Test
    @DisplayName("gives key=value fields by exact key")
    void fields() {
        assertThat(up.value("local")).contains("10.99.0.10");
        assertThat(up.value("remote")).contains("10.99.0.1");
        assertThat(up.value("loc")).isEmpty();
        assertThat(up.value("missing")).isEmpty();
    }
}
