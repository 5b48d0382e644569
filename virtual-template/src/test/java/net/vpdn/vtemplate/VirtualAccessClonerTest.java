package net.vpdn.vtemplate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.ipcp.Ipv4Address;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("VirtualAccessCloner and VirtualAccess")
class VirtualAccessClonerTest {
    private final VirtualTemplate template = VirtualTemplate.defaults("Virtual-Template1", Ipv4Address.of("10.0.0.1"), "p");
    private final VirtualAccessCloner cloner = new VirtualAccessCloner(3, PppRandom.seeded(1));

    private VirtualAccess cloneOne() {
        return cloner.clone(template, LeaseProvider.NONE, 0).orElseThrow();
    }

    @Nested
    @DisplayName("numbering")
    class Numbering {
        @Test
        @DisplayName("numbers from Virtual-Access1 and reuses the lowest freed number")
        void reuse() {
            VirtualAccess a = cloneOne();
            VirtualAccess b = cloneOne();
            VirtualAccess c = cloneOne();
            assertThat(a.name()).isEqualTo("Virtual-Access1");
            assertThat(c.name()).isEqualTo("Virtual-Access3");
            c.close(TerminateCause.USER_REQUEST);
            a.close(TerminateCause.USER_REQUEST);
            assertThat(cloneOne().unit()).isEqualTo(1);
            assertThat(cloneOne().unit()).isEqualTo(3);
            assertThat(cloner.find(2)).contains(b);
        }

        @Test
        @DisplayName("counts live interfaces and refuses beyond the cap")
        void cap() {
            cloneOne();
            cloneOne();
            VirtualAccess last = cloneOne();
            assertThat(cloner.clone(template, LeaseProvider.NONE, 0)).isEmpty();
            assertThat(cloner.refused()).isEqualTo(1);
            last.close(TerminateCause.ADMIN_RESET);
            assertThat(cloner.live()).isEqualTo(2);
            assertThat(cloner.find(3)).isEmpty();
            assertThat(cloner.clone(template, LeaseProvider.NONE, 0)).isPresent();
            assertThat(cloner.cloned()).isEqualTo(4);
        }

        @Test
        @DisplayName("numbers past 64 cross bitmap words")
        void manyUnits() {
            VirtualAccessCloner big = new VirtualAccessCloner(200, PppRandom.seeded(1));
            VirtualAccess seventy = null;
            for (int i = 1; i <= 130; i++) {
                VirtualAccess v = big.clone(template, LeaseProvider.NONE, 0).orElseThrow();
                assertThat(v.unit()).isEqualTo(i);
                if (i == 70) {
                    seventy = v;
                }
            }
            seventy.close(TerminateCause.LOST_CARRIER);
            assertThat(big.clone(template, LeaseProvider.NONE, 0).orElseThrow().unit()).isEqualTo(70);
            assertThat(big.clone(template, LeaseProvider.NONE, 0).orElseThrow().unit()).isEqualTo(131);
        }
    }

    @Nested
    @DisplayName("closing")
    class Closing {
        @Test
        @DisplayName("releases the pooled address and the unit exactly once, keeping the first cause")
        void exactlyOnce() {
            Ipv4Pool pool = Ipv4Pool.cidr("p", "10.1.0.0/30");
            LeaseProvider fromPool = (access, requested) -> switch (AddressLease.fromPool(pool, Ipv4Address.ANY,
                    AddressLease.Source.POOL)) {
                case AddressLease.Leased l -> Optional.of(l.lease());
                case AddressLease.NotLeased n -> Optional.empty();
            };
            VirtualAccess va = cloner.clone(template, fromPool, 0).orElseThrow();
            assertThat(va.lease()).isEmpty();
            assertThat(va.peerAddressFor(Ipv4Address.ANY)).contains(Ipv4Address.of("10.1.0.1"));
            assertThat(va.peerAddressFor(Ipv4Address.of("10.1.0.2"))).contains(Ipv4Address.of("10.1.0.1"));
            assertThat(pool.usage().inUse()).isEqualTo(1);
            assertThat(va.close(TerminateCause.IDLE_TIMEOUT)).isTrue();
            assertThat(va.close(TerminateCause.ADMIN_RESET)).isFalse();
            assertThat(va.closeCause()).contains(TerminateCause.IDLE_TIMEOUT);
            assertThat(va.state()).isEqualTo(VirtualAccessState.CLOSED);
            assertThat(cloner.live()).isZero();
            assertThat(pool.usage().inUse()).isZero();
            assertThat(pool.usage().releases()).isEqualTo(1);
            assertThat(pool.usage().doubleReleases()).isZero();
            assertThat(va.peerAddressFor(Ipv4Address.ANY)).isEmpty();
        }

        @Test
        @DisplayName("a closed interface does not reopen and stops counting as up")
        void closedIsFinal() {
            VirtualAccess va = cloneOne();
            va.close(TerminateCause.NAS_REQUEST);
            va.enter(VirtualAccessState.UP);
            assertThat(va.isClosed()).isTrue();
            assertThat(va.peerAddressBits()).isZero();
        }
    }

    @Test
    @DisplayName("terminate causes carry their RADIUS Acct-Terminate-Cause values")
    void radiusValues() {
        assertThat(TerminateCause.USER_REQUEST.radiusValue()).isEqualTo(1);
        assertThat(TerminateCause.LOST_CARRIER.radiusValue()).isEqualTo(2);
        assertThat(TerminateCause.IDLE_TIMEOUT.radiusValue()).isEqualTo(4);
        assertThat(TerminateCause.SESSION_TIMEOUT.radiusValue()).isEqualTo(5);
        assertThat(TerminateCause.ADMIN_RESET.radiusValue()).isEqualTo(6);
        assertThat(TerminateCause.PORT_ERROR.radiusValue()).isEqualTo(8);
        assertThat(TerminateCause.NAS_REQUEST.radiusValue()).isEqualTo(10);
        assertThat(TerminateCause.HOST_REQUEST.radiusValue()).isEqualTo(18);
    }
}
