package net.vpdn.tests.peers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that need real peers on this host (root, xl2tpd, pppd, tshark). Without them the tests
 * are skipped with the reason, unless the environment variable {@code VPDN_REQUIRE_REAL_PEERS=1} is set
 * (CI sets it): then they fail, so a broken CI image cannot silently skip interop coverage.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealPeersExtension.class)
public @interface RealPeers {
    /** The tools the test needs. */
    PeerTool[] value() default {PeerTool.XL2TPD, PeerTool.PPPD, PeerTool.TSHARK, PeerTool.DUMPCAP};

    /** Whether the test needs root (raw captures on lo); true by default. */
    boolean root() default true;
}
