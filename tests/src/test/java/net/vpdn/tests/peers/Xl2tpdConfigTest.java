package net.vpdn.tests.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The files an {@link Xl2tpd} is started with. */
@DisplayName("Xl2tpdConfig")
class Xl2tpdConfigTest {

    @Test
    @DisplayName("an LNS listens on loopback only, logs result codes, and challenges when it has a secret")
    void lns() {
        Xl2tpdConfig c = Xl2tpd.lns().hostname("lns1").secret("s3cret").listenPort(40000).config();
        String conf = c.renderConf("/d/secrets", "/d/ppp");
        assertThat(conf).contains("listen-addr = 127.0.0.1\n", "port = 40000\n", "auth file = /d/secrets\n",
                "debug avp = yes\n", "[lns default]\n", "hostname = lns1\n", "challenge = yes\n", "pppoptfile = /d/ppp\n");
        assertThat(c.renderSecrets()).isEqualTo("* * s3cret\n");
    }

    @Test
    @DisplayName("a LAC names its LNS as host:port and does not dial by itself unless told to")
    void lac() {
        Xl2tpdConfig c = Xl2tpd.lac("vpdn").peer("127.0.0.1", 40001).listenPort(40002).extra("hidden bit = yes").config();
        assertThat(c.renderConf("/s", "/p")).contains("[lac vpdn]\n", "lns = 127.0.0.1:40001\n", "autodial = no\n",
                "challenge = no\n", "hidden bit = yes\n");
        assertThat(c.renderSecrets()).isEmpty();
    }

    @Test
    @DisplayName("never shows the secret in toString")
    void redacts() {
        Xl2tpdConfig c = Xl2tpd.lns().secret("top-secret-value").listenPort(40000).config();
        assertThat(c.toString()).doesNotContain("top-secret-value").contains("<redacted>");
    }

    @Test
    @DisplayName("rejects settings xl2tpd would misread: a secret with spaces, challenge without secret, LAC without LNS")
    void rejects() {
        assertThatThrownBy(() -> Xl2tpd.lns().secret("two words").config()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Xl2tpd.lns().challenge(true).config()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Xl2tpd.lac("x").config()).isInstanceOf(IllegalArgumentException.class);
    }
}
