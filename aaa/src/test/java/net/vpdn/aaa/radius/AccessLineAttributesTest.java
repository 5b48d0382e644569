package net.vpdn.aaa.radius;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.vpdn.aaa.AccessLineInfo;
import net.vpdn.ppp.auth.Secret;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tinyradius.core.attribute.type.RadiusAttribute;

@DisplayName("the LAC's tunnel lookup carries the line's RFC 4679 identifiers")
class AccessLineAttributesTest {
    final InetSocketAddress nowhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
    final RadiusBackend backend = new RadiusBackend(null, new RadiusSettings(List.of(new RadiusServer("s", nowhere, nowhere,
            Secret.of("k"))), Duration.ofSeconds(1), 1, Duration.ofSeconds(30), 1, 10, Optional.empty(), false),
            Secret.of("vpdn"), System::nanoTime);

    @Test
    @DisplayName("ADSL-Agent-Circuit-Id and -Remote-Id as vendor 3561 attributes 1 and 2, octet for octet")
    void vendorAttributes() {
        List<RadiusAttribute> attrs = backend.tunnelLookupAttributes("example.com",
                new AccessLineInfo("dslam1 eth 1/1:100", "cpe-42"));
        List<String> wire = attrs.stream().map(a -> HexFormat.of().formatHex(a.toByteArray())).toList();
        String circuit = HexFormat.of().formatHex("dslam1 eth 1/1:100".getBytes());
        String remote = HexFormat.of().formatHex("cpe-42".getBytes());
        // Vendor-Specific (26), length, vendor 3561 (0x00000de9), vendor type, vendor length, value (RFC 2865 §5.26)
        assertThat(wire).contains("1a" + hex(8 + 18) + "00000de9" + "01" + hex(2 + 18) + circuit,
                "1a" + hex(8 + 6) + "00000de9" + "02" + hex(2 + 6) + remote);
    }

    @Test
    @DisplayName("no identifiers, no vendor attributes")
    void noLineInfo() {
        assertThat(backend.tunnelLookupAttributes("example.com", AccessLineInfo.NONE))
                .noneMatch(a -> (a.toByteArray()[0] & 0xFF) == 26);
    }

    private static String hex(int n) {
        return HexFormat.of().toHexDigits((byte) n);
    }
}
