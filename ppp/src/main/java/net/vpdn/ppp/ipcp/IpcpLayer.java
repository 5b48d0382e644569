package net.vpdn.ppp.ipcp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.vpdn.ppp.fsm.CpLayer;
import net.vpdn.ppp.fsm.RequestVerdict;
import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.PppProtocol;

/**
 * IPCP's options for the shared engine: IP-Address (RFC 1332 §3.3) and the RFC 1877 DNS and
 * NBNS server addresses. IP-Compression-Protocol (Van Jacobson) and the deprecated IP-Addresses
 * option are rejected.
 */
public final class IpcpLayer implements CpLayer {
    /** IPCP option types. */
    public enum Type {
        /** IP-Address, RFC 1332 §3.3. */
        IP_ADDRESS(3),
        /** Primary-DNS-Server-Address, RFC 1877 §1.1. */
        PRIMARY_DNS(129),
        /** Primary-NBNS-Server-Address, RFC 1877 §1.2. */
        PRIMARY_NBNS(130),
        /** Secondary-DNS-Server-Address, RFC 1877 §1.3. */
        SECONDARY_DNS(131),
        /** Secondary-NBNS-Server-Address, RFC 1877 §1.4. */
        SECONDARY_NBNS(132);

        final int code;

        Type(int code) {
            this.code = code;
        }

        static Optional<Type> of(int code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    private final IpcpPolicy policy;
    private final Map<Type, Ipv4Address> asking = new HashMap<>();
    private Ipv4Address localAddress = Ipv4Address.ANY;
    private Ipv4Address peerAddress = Ipv4Address.ANY;
    private Map<Type, Ipv4Address> ackedOurs = Map.of();
    private boolean addressRefused;

    public IpcpLayer(IpcpPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        asking.put(Type.IP_ADDRESS, policy.localAddress());
        if (policy.requestDns()) {
            asking.put(Type.PRIMARY_DNS, Ipv4Address.ANY);
            asking.put(Type.SECONDARY_DNS, Ipv4Address.ANY);
        }
    }

    @Override
    public int protocol() {
        return PppProtocol.IPCP.number();
    }

    /** True when we needed an address from the peer and it rejected the option. */
    public boolean addressRefused() {
        return addressRefused;
    }

    /** The agreed addresses (0.0.0.0 for halves not yet acked). */
    public IpcpNegotiated negotiated() {
        return new IpcpNegotiated(localAddress, peerAddress, Optional.ofNullable(ackedOurs.get(Type.PRIMARY_DNS)),
                Optional.ofNullable(ackedOurs.get(Type.SECONDARY_DNS)));
    }

    @Override
    public List<CpOption> buildRequest() {
        List<CpOption> options = new ArrayList<>();
        for (Type t : Type.values()) {
            Ipv4Address a = asking.get(t);
            if (a != null) {
                options.add(new CpOption(t.code, a.toOctets()));
            }
        }
        return options;
    }

    @Override
    public RequestVerdict judge(List<CpOption> peerOptions) {
        List<CpOption> reject = new ArrayList<>();
        List<CpOption> nak = new ArrayList<>();
        for (CpOption o : peerOptions) {
            Optional<Type> type = Type.of(o.type());
            if (type.isEmpty() || o.value().length() != 4) {
                reject.add(o);
                continue;
            }
            Ipv4Address requested = Ipv4Address.from(o.value());
            Optional<Ipv4Address> answer = type.get() == Type.IP_ADDRESS ? peerAddressFor(requested) : serverFor(type.get());
            if (answer.isEmpty()) {
                reject.add(o);
            } else if (!answer.get().equals(requested)) {
                nak.add(new CpOption(o.type(), answer.get().toOctets()));
            }
        }
        if (!reject.isEmpty()) {
            return new RequestVerdict.Reject(reject);
        }
        return nak.isEmpty() ? new RequestVerdict.Ack() : new RequestVerdict.Nak(nak);
    }

    private Optional<Ipv4Address> peerAddressFor(Ipv4Address requested) {
        if (policy.peerAddresses().isPresent()) {
            return policy.peerAddresses().get().addressFor(requested);
        }
        // Not assigning: accept the peer's own address, but we cannot answer a request for one.
        return requested.isAny() ? Optional.empty() : Optional.of(requested);
    }

    private Optional<Ipv4Address> serverFor(Type type) {
        return switch (type) {
            case PRIMARY_DNS -> policy.primaryDns();
            case SECONDARY_DNS -> policy.secondaryDns();
            case PRIMARY_NBNS -> policy.primaryNbns();
            case SECONDARY_NBNS -> policy.secondaryNbns();
            case IP_ADDRESS -> throw new IllegalStateException("IP-Address is not a server option");
        };
    }

    @Override
    public boolean applyNak(List<CpOption> nakked) {
        for (CpOption o : nakked) {
            Optional<Type> type = Type.of(o.type());
            if (type.isPresent() && o.value().length() == 4 && asking.containsKey(type.get())) {
                asking.put(type.get(), Ipv4Address.from(o.value()));
            }
        }
        return true;
    }

    @Override
    public boolean applyReject(List<CpOption> rejected) {
        for (CpOption o : rejected) {
            Optional<Type> type = Type.of(o.type());
            if (type.isEmpty() || !asking.containsKey(type.get())) {
                return false;
            }
            if (type.get() == Type.IP_ADDRESS && asking.get(Type.IP_ADDRESS).isAny()) {
                addressRefused = true;
                return false;
            }
            asking.remove(type.get());
        }
        return true;
    }

    @Override
    public void onOurRequestAcked(List<CpOption> ours) {
        Map<Type, Ipv4Address> acked = new HashMap<>();
        for (CpOption o : ours) {
            Type.of(o.type()).ifPresent(t -> acked.put(t, Ipv4Address.from(o.value())));
        }
        ackedOurs = Map.copyOf(acked);
        localAddress = acked.getOrDefault(Type.IP_ADDRESS, Ipv4Address.ANY);
    }

    @Override
    public void onPeerRequestAcked(List<CpOption> theirs) {
        peerAddress = Ipv4Address.ANY;
        for (CpOption o : theirs) {
            if (o.type() == Type.IP_ADDRESS.code) {
                peerAddress = Ipv4Address.from(o.value());
            }
        }
    }
}
