package net.vpdn.l2tp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.AvpCodec;
import net.vpdn.l2tp.avp.AvpDecodeResult;
import net.vpdn.l2tp.avp.HidingPolicy;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.MessageType;
import net.vpdn.l2tp.wire.RawAvp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RFC 5515 access line AVPs: Broadband Forum vendor 3561, types 1 and 2, M bit clear")
class AccessLineAvpsTest {

    @Test
    @DisplayName("written by the LAC, read back by the LNS after a trip through the codec; absent when empty")
    void roundTrip() {
        List<Avp> avps = new ArrayList<>(List.of(new Avp.AssignedSessionId(5), new Avp.CallSerialNumber(1)));
        avps.addAll(AccessLineAvps.of("dslam1 eth 1/1/01/21:100", "cpe-0042"));
        List<RawAvp> raw = AvpCodec.encode(new ControlMessage(MessageType.ICRQ, 1, 0, avps), HidingPolicy.none(), RandomSource.seeded(1));
        assertThat(raw).filteredOn(r -> r.vendorId() == AccessLineAvps.VENDOR_BBF).hasSize(2)
                .allSatisfy(r -> assertThat(r.mandatory()).isFalse());
        AvpDecodeResult.Ok ok = (AvpDecodeResult.Ok) AvpCodec.decode(raw, (TunnelSecret) null);
        CallParams icrq = new CallParams(ok.avps());
        assertThat(AccessLineAvps.agentCircuitId(icrq)).contains("dslam1 eth 1/1/01/21:100");
        assertThat(AccessLineAvps.agentRemoteId(icrq)).contains("cpe-0042");
        assertThat(AccessLineAvps.of("", "")).isEmpty();
        assertThat(AccessLineAvps.agentCircuitId(new CallParams(List.of()))).isEmpty();
    }

    @Test
    @DisplayName("an identifier over 63 octets is cut to 63 (RFC 5515 §3)")
    void cut() {
        Avp.Unknown a = (Avp.Unknown) AccessLineAvps.of("x".repeat(80), "").getFirst();
        assertThat(a.value().length()).isEqualTo(63);
    }
}
