package net.vpdn.aaa.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("RFC 2868 tags and tunnel sets")
class TaggedTest {

    @Nested
    @DisplayName("optional tags on strings (§3.3)")
    class Strings {
        @Test
        @DisplayName("an untagged \"192.0.2.1\" keeps its first character: '1' (0x31) is above 0x1F, so data")
        void untaggedIsData() {
            Tagged.Value v = Tagged.optionalTagString(Octets.of("192.0.2.1".getBytes()));
            assertThat(v.tag()).isZero();
            assertThat(new String(v.value().toArray())).isEqualTo("192.0.2.1");
        }

        @Test
        @DisplayName("a first octet of 0x01-0x1F is a tag")
        void tagged() {
            Tagged.Value v = Tagged.optionalTagString(Octets.fromHex("1f6c6e73"));
            assertThat(v.tag()).isEqualTo(0x1F);
            assertThat(new String(v.value().toArray())).isEqualTo("lns");
        }

        @Test
        @DisplayName("encoding an untagged string that starts with a control octet adds an explicit 0 tag")
        void explicitZero() {
            assertThat(Tagged.encodeString(0, "\u0005x")).isEqualTo(Octets.fromHex("000578"));
            assertThat(Tagged.optionalTagString(Tagged.encodeString(0, "\u0005x")).value()).isEqualTo(Octets.fromHex("0578"));
        }
    }

    @Test
    @DisplayName("an integer attribute has a tag octet and a 3-octet value; a wrong length is reported as -1")
    void integers() {
        assertThat(Tagged.integerValue(Tagged.integer(Octets.fromHex("02000003")))).isEqualTo(3);
        assertThat(Tagged.integer(Octets.fromHex("02000003")).tag()).isEqualTo(2);
        assertThat(Tagged.integerValue(Tagged.integer(Octets.fromHex("020003")))).isEqualTo(-1);
    }

    @Test
    @DisplayName("two tagged sets are grouped by tag and ordered by Tunnel-Preference, lowest first")
    void twoSets() {
        Secret secret = Secret.of("s");
        Octets auth = Octets.fromHex("00".repeat(16));
        TunnelSet a = TunnelSet.l2tp(1, 20, "192.0.2.1", Secret.of("pa"));
        TunnelSet b = TunnelSet.l2tp(2, 10, "192.0.2.2", Secret.of("pb"));
        List<TunnelAttributes.Raw> attrs = new java.util.ArrayList<>(TunnelAttributes.encode(a, secret, auth, 1));
        attrs.addAll(TunnelAttributes.encode(b, secret, auth, 2));
        attrs.add(new TunnelAttributes.Raw(18, Octets.of("ignored".getBytes()))); // Reply-Message
        TunnelAttributes.Result r = TunnelAttributes.decode(attrs, secret, auth);
        assertThat(r).isInstanceOfSatisfying(TunnelAttributes.Result.Sets.class, s -> {
            assertThat(s.sets()).extracting(TunnelSet::tag).containsExactly(2, 1);
            assertThat(s.sets().get(0).preference()).isEqualTo(OptionalInt.of(10));
            assertThat(s.sets().get(0).password()).contains(Secret.of("pb"));
            assertThat(s.sets().get(1).serverEndpoints()).containsExactly("192.0.2.1");
        });
    }

    @Test
    @DisplayName("an undecryptable Tunnel-Password makes the reply unusable, with a detail")
    void badPassword() {
        List<TunnelAttributes.Raw> attrs = List.of(new TunnelAttributes.Raw(TunnelAttributes.TUNNEL_PASSWORD, Octets.fromHex("010123" + "00".repeat(16))));
        assertThat(TunnelAttributes.decode(attrs, Secret.of("s"), Octets.fromHex("00".repeat(16))))
                .isInstanceOfSatisfying(TunnelAttributes.Result.Invalid.class, i -> assertThat(i.detail()).contains("SALT_HIGH_BIT_CLEAR"));
    }

    @Test
    @DisplayName("a tunnel set never prints its password")
    void redacted() {
        assertThat(TunnelSet.l2tp(1, 1, "192.0.2.1", Secret.of("hunter2")).toString()).doesNotContain("hunter2").contains("redacted");
    }
}
