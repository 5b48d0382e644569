package net.vpdn.l2tp.avp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import net.vpdn.l2tp.wire.Bytes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("AvpTable (RFC 2661 §4.4)")
class AvpTableTest {

    static Stream<org.junit.jupiter.params.provider.Arguments> valueTypes() {
        return Arrays.stream(AvpType.values()).filter(t -> t != AvpType.MESSAGE_TYPE)
                .map(t -> org.junit.jupiter.params.provider.Arguments.of(t, t.code() * 31L));
    }

    @Test
    @DisplayName("every known AVP type has exactly one row, with a name and a section")
    void oneRowPerType() {
        assertThat(AvpTable.rows()).extracting(AvpTable.Row::type).containsExactly(AvpType.values());
        assertThat(AvpTable.rows()).allMatch(r -> !r.name().isBlank() && !r.rfcSection().isBlank());
    }

    @Nested
    @DisplayName("typed round trip")
    class RoundTrip {
        @ParameterizedTest(name = "{0}, seed {1}")
        @MethodSource("net.vpdn.l2tp.avp.AvpTableTest#valueTypes")
        @DisplayName("write then parse gives the same AVP, and the value length obeys the row's rule")
        void roundTrip(AvpType type, long seed) {
            MessageGen gen = new MessageGen(seed);
            for (int i = 0; i < 50; i++) {
                Avp avp = gen.avp(type);
                byte[] value = AvpTable.write(avp);
                assertThat(AvpTable.row(type).length().accepts(value.length)).as("length of %s", avp).isTrue();
                assertThat(AvpTable.parse(type, Bytes.of(value))).isEqualTo(new AvpTable.Parsed.Ok(avp));
            }
        }
    }

    @Nested
    @DisplayName("exact encodings from the RFC field layouts")
    class Layouts {
        @Test
        @DisplayName("Framing and Bearer bits: S/D is the lowest bit, A the next (§4.4.3)")
        void bits() {
            assertThat(AvpTable.write(new Avp.FramingCapabilities(true, false))).containsExactly(0, 0, 0, 1);
            assertThat(AvpTable.write(new Avp.FramingCapabilities(false, true))).containsExactly(0, 0, 0, 2);
            assertThat(AvpTable.write(new Avp.BearerType(true, true))).containsExactly(0, 0, 0, 3);
        }

        @Test
        @DisplayName("Result Code: 2, 4 or more octets depending on the optional Error Code and Message (§4.4.2)")
        void resultCode() {
            assertThat(AvpTable.write(new Avp.ResultCode(1, -1, ""))).containsExactly(0, 1);
            assertThat(AvpTable.write(new Avp.ResultCode(2, 8, ""))).containsExactly(0, 2, 0, 8);
            assertThat(AvpTable.write(new Avp.ResultCode(2, 6, "x"))).containsExactly(0, 2, 0, 6, 'x');
            assertThat(AvpTable.parse(AvpType.RESULT_CODE, Bytes.fromHex("0003")))
                    .isEqualTo(new AvpTable.Parsed.Ok(new Avp.ResultCode(3, -1, "")));
        }

        @Test
        @DisplayName("Call Errors and ACCM start with 2 reserved octets (§4.4.6)")
        void reservedPrefix() {
            assertThat(Bytes.of(AvpTable.write(new Avp.Accm(0xFFFFFFFFL, 0))))
                    .isEqualTo(Bytes.fromHex("0000ffffffff00000000"));
            assertThat(AvpTable.write(new Avp.CallErrors(1, 2, 3, 4, 5, 6))).hasSize(26);
        }

        @Test
        @DisplayName("Proxy Authen ID is the low octet of its 2-octet field (§4.4.5)")
        void proxyAuthenId() {
            assertThat(AvpTable.write(new Avp.ProxyAuthenId(0x7f))).containsExactly(0, 0x7f);
            assertThat(AvpTable.parse(AvpType.PROXY_AUTHEN_ID, Bytes.fromHex("ff07")))
                    .isEqualTo(new AvpTable.Parsed.Ok(new Avp.ProxyAuthenId(7)));
        }
    }

    @Nested
    @DisplayName("wrong lengths")
    class WrongLengths {
        @ParameterizedTest(name = "{0}")
        @EnumSource(value = AvpType.class, names = {"PROTOCOL_VERSION", "ASSIGNED_TUNNEL_ID", "TIE_BREAKER",
            "CHALLENGE_RESPONSE", "CALL_ERRORS", "ACCM", "SEQUENCING_REQUIRED", "TX_CONNECT_SPEED"})
        @DisplayName("a fixed-length AVP one octet too long is a WrongLength result, not an exception")
        void fixedPlusOne(AvpType type) {
            int len = AvpTable.row(type).length().max() + 1;
            assertThat(AvpTable.parse(type, Bytes.of(new byte[len]))).isInstanceOf(AvpTable.Parsed.WrongLength.class);
        }

        @Test
        @DisplayName("a Result Code of 3 octets (half an Error Code) is refused with a precise detail")
        void resultCodeThree() {
            assertThat(AvpTable.parse(AvpType.RESULT_CODE, Bytes.fromHex("000100")))
                    .isEqualTo(new AvpTable.Parsed.WrongLength(
                            "Result Code value is 3 octets; RFC 2661 §4.4.2 allows at least 2 (but not 3) octets"));
        }

        @Test
        @DisplayName("an empty Host Name is refused (§4.4.3 requires at least one octet)")
        void emptyHostName() {
            assertThat(AvpTable.parse(AvpType.HOST_NAME, Bytes.EMPTY)).isInstanceOf(AvpTable.Parsed.WrongLength.class);
        }

        @Test
        @DisplayName("Message Type is not an Avp value: asking the table to type it is a programmer error")
        void messageType() {
            assertThatThrownBy(() -> AvpTable.parse(AvpType.MESSAGE_TYPE, Bytes.fromHex("0001")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("the table refuses to hide AVPs that §4.4 says MUST NOT be hidden")
    void notHideable() {
        assertThat(AvpTable.row(AvpType.HOST_NAME).hideable()).isFalse();
        assertThat(AvpTable.row(AvpType.RESULT_CODE).hideable()).isFalse();
        assertThat(AvpTable.row(AvpType.PROXY_AUTHEN_RESPONSE).hideable()).isTrue();
        assertThatThrownBy(() -> HidingPolicy.hide(net.vpdn.l2tp.TunnelSecret.of("s"), java.util.Set.of(AvpType.RANDOM_VECTOR)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
