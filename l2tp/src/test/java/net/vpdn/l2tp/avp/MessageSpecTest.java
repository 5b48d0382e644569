package net.vpdn.l2tp.avp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.MessageType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("MessageSpec (RFC 2661 §6.1-§6.14)")
class MessageSpecTest {

    private static ControlMessage complete(MessageType type) {
        MessageGen gen = new MessageGen(type.code());
        List<Avp> avps = new ArrayList<>();
        for (AvpType t : MessageSpec.required(type)) {
            avps.add(gen.avp(t));
        }
        return new ControlMessage(type, 1, 2, avps);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MessageType.class)
    @DisplayName("a message with every required AVP is valid")
    void valid(MessageType type) {
        assertThat(MessageSpec.validate(complete(type))).isEqualTo(new SpecResult.Valid());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MessageType.class)
    @DisplayName("removing any one required AVP names it, with result 2 and error 2 (Length is wrong)")
    void eachMissing(MessageType type) {
        ControlMessage full = complete(type);
        for (int i = 0; i < full.avps().size(); i++) {
            List<Avp> fewer = new ArrayList<>(full.avps());
            Avp removed = fewer.remove(i);
            SpecResult r = MessageSpec.validate(new ControlMessage(type, 1, 2, fewer));
            assertThat(r).isInstanceOfSatisfying(SpecResult.MissingAvp.class, m -> {
                assertThat(m.missing()).isEqualTo(removed.type());
                assertThat(m.resultCode()).isEqualTo(2);
                assertThat(m.error()).isEqualTo(ErrorCode.LENGTH_WRONG);
            });
        }
    }

    @Test
    @DisplayName("ICCN needs (Tx) Connect Speed and Framing Type, and says which RFC section asks for it")
    void iccn() {
        assertThat(MessageSpec.required(MessageType.ICCN)).containsExactly(AvpType.TX_CONNECT_SPEED, AvpType.FRAMING_TYPE);
        SpecResult r = MessageSpec.validate(new ControlMessage(MessageType.ICCN, 1, 2, List.of(new Avp.FramingType(true, false))));
        assertThat(r).isEqualTo(new SpecResult.MissingAvp(AvpType.TX_CONNECT_SPEED, 2, ErrorCode.LENGTH_WRONG,
                "ICCN lacks the (Tx) Connect Speed AVP that RFC 2661 §6.11 requires"));
    }

    @Test
    @DisplayName("SCCRQ needs Protocol Version, Host Name, Framing Capabilities and Assigned Tunnel ID")
    void sccrq() {
        assertThat(MessageSpec.required(MessageType.SCCRQ)).containsExactlyInAnyOrder(AvpType.PROTOCOL_VERSION,
                AvpType.HOST_NAME, AvpType.FRAMING_CAPABILITIES, AvpType.ASSIGNED_TUNNEL_ID);
    }

    @Test
    @DisplayName("an unknown AVP does not stand in for a required one")
    void unknownDoesNotCount() {
        ControlMessage m = new ControlMessage(MessageType.SLI, 1, 2,
                List.of(new Avp.Unknown(0, 35, false, net.vpdn.l2tp.wire.Bytes.fromHex("00"))));
        assertThat(MessageSpec.validate(m)).isInstanceOf(SpecResult.MissingAvp.class);
    }
}
