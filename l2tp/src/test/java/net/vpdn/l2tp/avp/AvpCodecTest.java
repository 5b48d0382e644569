package net.vpdn.l2tp.avp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.wire.Bytes;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.MessageType;
import net.vpdn.l2tp.wire.RawAvp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("AvpCodec (RFC 2661 §4.1, §4.3, §4.4.1)")
class AvpCodecTest {
    private static final TunnelSecret SECRET = TunnelSecret.of("tunnel-secret");
    private static final RawAvp HELLO = new RawAvp(true, false, 0, 0, Bytes.fromHex("0006"));
    private static final RawAvp ICRQ = new RawAvp(true, false, 0, 0, Bytes.fromHex("000a"));

    private static List<RawAvp> list(RawAvp... avps) {
        return List.of(avps);
    }

    @Nested
    @DisplayName("the Message Type AVP")
    class MessageTypeAvp {
        @Test
        @DisplayName("must come first")
        void first() {
            RawAvp host = new RawAvp(true, false, 0, 7, Bytes.of("lac".getBytes()));
            assertThat(AvpCodec.decode(list(host, HELLO), null)).isInstanceOf(AvpDecodeResult.Invalid.class);
        }

        @Test
        @DisplayName("an unknown type is reported with its code and M bit, for the FSM to clear or ignore")
        void unknownType() {
            assertThat(AvpCodec.decode(list(new RawAvp(true, false, 0, 0, Bytes.fromHex("0005"))), null))
                    .isEqualTo(new AvpDecodeResult.UnknownMessageType(5, true));
            assertThat(AvpCodec.decode(list(new RawAvp(false, false, 0, 0, Bytes.fromHex("0063"))), null))
                    .isEqualTo(new AvpDecodeResult.UnknownMessageType(99, false));
        }

        @Test
        @DisplayName("of the wrong length is Invalid with Error Code 2, Length is wrong")
        void wrongLength() {
            assertThat(AvpCodec.decode(list(new RawAvp(true, false, 0, 0, Bytes.fromHex("000100"))), null))
                    .isInstanceOfSatisfying(AvpDecodeResult.Invalid.class,
                            i -> assertThat(i.error()).isEqualTo(ErrorCode.LENGTH_WRONG));
        }

        @Test
        @DisplayName("a ZLB (no AVPs) is not a message")
        void zlb() {
            assertThat(AvpCodec.decode(List.of(), null)).isInstanceOf(AvpDecodeResult.Invalid.class);
        }
    }

    @Nested
    @DisplayName("unrecognized AVPs (§4.1)")
    class Unrecognized {
        @Test
        @DisplayName("without the M bit are kept as Unknown, vendor AVPs included")
        void kept() {
            RawAvp vendor = new RawAvp(false, false, 311, 12, Bytes.fromHex("beef"));
            RawAvp ietf = new RawAvp(false, false, 0, 200, Bytes.EMPTY);
            assertThat(AvpCodec.decode(list(HELLO, vendor, ietf), null)).isEqualTo(new AvpDecodeResult.Ok(MessageType.HELLO,
                    List.of(new Avp.Unknown(311, 12, false, Bytes.fromHex("beef")), new Avp.Unknown(0, 200, false, Bytes.EMPTY))));
        }

        @Test
        @DisplayName("with the M bit end the message as UnknownMandatoryAvp, vendor AVPs included")
        void mandatory() {
            RawAvp vendor = new RawAvp(true, false, 9, 1, Bytes.EMPTY);
            assertThat(AvpCodec.decode(list(ICRQ, vendor), null)).isEqualTo(new AvpDecodeResult.UnknownMandatoryAvp(vendor));
            assertThat(AvpCodec.peekMessageType(list(ICRQ, vendor))).contains(MessageType.ICRQ);
            assertThat(AvpCodec.peekMessageType(list(vendor))).isEmpty();
        }

        @Test
        @DisplayName("a known type with a reserved bit set is treated as unrecognized")
        void reservedBits() {
            RawAvp odd = new RawAvp(true, false, 0, 14, Bytes.fromHex("0001"), 0b0100);
            assertThat(AvpCodec.decode(list(ICRQ, odd), null)).isEqualTo(new AvpDecodeResult.UnknownMandatoryAvp(odd));
            RawAvp optional = new RawAvp(false, false, 0, 14, Bytes.fromHex("0001"), 0b0100);
            assertThat(AvpCodec.decode(list(ICRQ, optional), null))
                    .isEqualTo(new AvpDecodeResult.Ok(MessageType.ICRQ, List.of(new Avp.Unknown(0, 14, false, Bytes.fromHex("0001")))));
        }
    }

    @Nested
    @DisplayName("hidden AVPs (§4.3)")
    class Hidden {
        private final ControlMessage iccn = new ControlMessage(MessageType.ICCN, 5, 6, List.of(
                new Avp.TxConnectSpeed(10_000_000), new Avp.FramingType(true, false),
                new Avp.ProxyAuthenName("alice@example.net"), new Avp.ProxyAuthenResponse(Bytes.fromHex("00112233"))));
        private final HidingPolicy policy = HidingPolicy.hide(SECRET,
                Set.of(AvpType.PROXY_AUTHEN_NAME, AvpType.PROXY_AUTHEN_RESPONSE));

        @Test
        @DisplayName("the encoder inserts one Random Vector just before the first hidden AVP")
        void randomVectorInserted() {
            List<RawAvp> raw = AvpCodec.encode(iccn, policy, RandomSource.seeded(1));
            assertThat(raw).extracting(RawAvp::attributeType).containsExactly(0, 24, 19, 36, 30, 33);
            assertThat(raw).extracting(RawAvp::hidden).containsExactly(false, false, false, false, true, true);
            assertThat(raw.get(3).value().length()).isEqualTo(AvpCodec.RANDOM_VECTOR_LENGTH);
        }

        @Test
        @DisplayName("decode with the secret restores the values, the Random Vector staying in wire order")
        void decodes() {
            List<RawAvp> raw = AvpCodec.encode(iccn, policy, RandomSource.seeded(1));
            AvpDecodeResult r = AvpCodec.decode(raw, SECRET);
            List<Avp> expected = new ArrayList<>(iccn.avps());
            expected.add(2, new Avp.RandomVector(raw.get(3).value()));
            assertThat(r).isEqualTo(new AvpDecodeResult.Ok(MessageType.ICCN, expected));
        }

        @Test
        @DisplayName("the same RandomSource seed gives the same octets")
        void deterministic() {
            assertThat(AvpCodec.encode(iccn, policy, RandomSource.seeded(7)))
                    .isEqualTo(AvpCodec.encode(iccn, policy, RandomSource.seeded(7)));
        }

        @Test
        @DisplayName("without a secret, or without a Random Vector before it, a hidden AVP is Invalid")
        void missingKeys() {
            List<RawAvp> raw = AvpCodec.encode(iccn, policy, RandomSource.seeded(1));
            assertThat(AvpCodec.decode(raw, null)).isInstanceOf(AvpDecodeResult.Invalid.class);
            List<RawAvp> noVector = new ArrayList<>(raw);
            noVector.remove(3);
            assertThat(AvpCodec.decode(noVector, SECRET)).isInstanceOfSatisfying(AvpDecodeResult.Invalid.class,
                    i -> assertThat(i.detail()).contains("no Random Vector"));
        }

        @Test
        @DisplayName("a wrong secret that deciphers to an impossible length is Invalid, not an exception")
        void wrongSecret() {
            List<RawAvp> raw = AvpCodec.encode(iccn, policy, RandomSource.seeded(1));
            for (int i = 0; i < 50; i++) {
                AvpDecodeResult r = AvpCodec.decode(raw, TunnelSecret.of("wrong-" + i));
                assertThat(r).isInstanceOfAny(AvpDecodeResult.Ok.class, AvpDecodeResult.Invalid.class);
            }
        }
    }

    @Test
    @DisplayName("M bits come from the table: Tie Breaker and Vendor Name go without it, Host Name with it")
    void mBits() {
        ControlMessage m = new ControlMessage(MessageType.SCCRQ, 0, 0, List.of(
                new Avp.HostName("lac"), new Avp.TieBreaker(1), new Avp.VendorName("vpdn")));
        assertThat(AvpCodec.encode(m, HidingPolicy.none(), RandomSource.seeded(0)))
                .extracting(RawAvp::mandatory).containsExactly(true, true, false, false);
    }

    @Test
    @DisplayName("a clear Proxy Authen Response (a PAP password) never shows in a raw AVP's toString")
    void redacted() {
        ControlMessage m = new ControlMessage(MessageType.ICCN, 1, 2,
                List.of(new Avp.ProxyAuthenResponse(Bytes.of("hunter2".getBytes()))));
        List<RawAvp> raw = AvpCodec.encode(m, HidingPolicy.none(), RandomSource.seeded(0));
        assertThat(raw.toString()).doesNotContain(Bytes.of("hunter2".getBytes()).toHex()).contains("7 bytes redacted");
        assertThat(HidingPolicy.hide(SECRET, Set.of()).toString()).doesNotContain("tunnel-secret");
    }
}
