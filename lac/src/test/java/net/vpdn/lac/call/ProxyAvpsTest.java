package net.vpdn.lac.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.lac.access.emulator.Icmp;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.proxy.ProxyAuth;
import net.vpdn.ppp.proxy.ProxyAuthKind;
import net.vpdn.ppp.proxy.ProxyLcp;
import net.vpdn.ppp.wire.Octets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Proxy AVPs and the emulator's ICMP")
class ProxyAvpsTest {
    // Options only, no CP header (RFC 2661 §4.4.5): MRU 1460 + auth CHAP/MD5; magic; MRU 1500.
    static final ProxyLcp LCP = new ProxyLcp(Octets.fromHex("0506cafebabe"), Octets.fromHex("010405b40305c22305"),
            Octets.fromHex("0506cafebabe"));

    @Test
    @DisplayName("CHAP: type 2, name, challenge, id and response survive the ICCN by value")
    void chapRoundTrip() {
        ProxyAuth chap = new ProxyAuth(ProxyAuthKind.CHAP, "alice@corp.example", Octets.fromHex("00112233"), 7,
                Octets.fromHex("ffeeddccbbaa99887766554433221100"));
        CallParams iccn = new CallParams(ProxyAvps.toAvps(LCP, Optional.of(chap), OptionalInt.empty()));
        assertThat(iccn.find(Avp.ProxyAuthenType.class)).contains(new Avp.ProxyAuthenType(2));
        assertThat(ProxyAvps.proxyLcp(iccn)).contains(LCP);
        assertThat(ProxyAvps.proxyAuth(iccn)).contains(chap);
    }

    @Test
    @DisplayName("PAP: type 3, the password in the response AVP, the request identifier in Proxy Authen ID")
    void papRoundTrip() {
        ProxyAuth pap = new ProxyAuth(ProxyAuthKind.PAP, "bob", Octets.EMPTY, 0, Octets.of("pw".getBytes()));
        CallParams iccn = new CallParams(ProxyAvps.toAvps(LCP, Optional.of(pap), OptionalInt.of(42)));
        assertThat(iccn.find(Avp.ProxyAuthenType.class)).contains(new Avp.ProxyAuthenType(3));
        assertThat(iccn.find(Avp.ProxyAuthenChallenge.class)).isEmpty();
        assertThat(ProxyAvps.proxyAuth(iccn)).hasValueSatisfying(a -> {
            assertThat(a.identifier()).isEqualTo(42);
            assertThat(a.response()).isEqualTo(Octets.of("pw".getBytes()));
        });
    }

    @Test
    @DisplayName("no proxy authentication (MS-CHAPv2): LCP AVPs only, never Type 4")
    void noAuth() {
        CallParams iccn = new CallParams(ProxyAvps.toAvps(LCP, Optional.empty(), OptionalInt.empty()));
        assertThat(iccn.avps()).hasSize(3);
        assertThat(iccn.find(Avp.ProxyAuthenType.class)).isEmpty();
    }

    @Test
    @DisplayName("an echo request parses, its reply swaps the addresses, and a flipped bit is rejected")
    void icmp() {
        Ipv4Address a = Ipv4Address.of("10.0.0.2");
        Ipv4Address b = Ipv4Address.of("10.0.0.1");
        byte[] req = Icmp.echoRequest(a, b, 5, 9, 33);
        assertThat(Icmp.parse(req)).contains(new Icmp.Echo(Icmp.ECHO_REQUEST, a, b, 5, 9));
        assertThat(Icmp.parse(Icmp.reply(req).orElseThrow())).contains(new Icmp.Echo(Icmp.ECHO_REPLY, b, a, 5, 9));
        req[30] ^= 1;
        assertThat(Icmp.parse(req)).isEmpty();
        assertThat(Icmp.parse(new byte[3])).isEmpty();
    }
}
