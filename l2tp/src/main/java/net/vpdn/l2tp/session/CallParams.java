package net.vpdn.l2tp.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.ProxyAuthType;
import net.vpdn.l2tp.wire.Bytes;

/**
 * The call AVPs of an ICRQ/OCRQ, ICRP/OCRP or ICCN/OCCN (RFC 2661 §6.6-§6.11): Calling and Called
 * Number, Bearer and Framing Type, Connect Speeds, Physical Channel ID, proxy LCP and proxy
 * authentication (§4.4.5), Sequencing Required. The FSM adds Assigned Session ID and Call Serial
 * Number itself, so those are dropped when a message is built from these params.
 * Its {@code toString} shows no Proxy Authen Response (that AVP redacts itself).
 */
public record CallParams(List<Avp> avps) {

    public static final CallParams EMPTY = new CallParams(List.of());

    public CallParams {
        avps = List.copyOf(avps);
    }

    public static CallParams of(Avp... avps) {
        return new CallParams(List.of(avps));
    }

    /** A copy with {@code avp} appended. */
    public CallParams with(Avp avp) {
        List<Avp> copy = new ArrayList<>(avps);
        copy.add(avp);
        return new CallParams(copy);
    }

    /** The first AVP of the given record class. */
    public <T extends Avp> Optional<T> find(Class<T> kind) {
        for (Avp a : avps) {
            if (kind.isInstance(a)) return Optional.of(kind.cast(a));
        }
        return Optional.empty();
    }

    public Optional<String> callingNumber() { return find(Avp.CallingNumber.class).map(Avp.CallingNumber::number); }
    public Optional<String> calledNumber() { return find(Avp.CalledNumber.class).map(Avp.CalledNumber::number); }
    public Optional<String> subAddress() { return find(Avp.SubAddress.class).map(Avp.SubAddress::subAddress); }
    public Optional<Avp.BearerType> bearerType() { return find(Avp.BearerType.class); }
    public Optional<Avp.FramingType> framingType() { return find(Avp.FramingType.class); }

    public OptionalLong txConnectSpeed() {
        return find(Avp.TxConnectSpeed.class).map(s -> OptionalLong.of(s.bps())).orElse(OptionalLong.empty());
    }

    public OptionalLong rxConnectSpeed() {
        return find(Avp.RxConnectSpeed.class).map(s -> OptionalLong.of(s.bps())).orElse(OptionalLong.empty());
    }

    public OptionalLong physicalChannelId() {
        return find(Avp.PhysicalChannelId.class).map(s -> OptionalLong.of(s.channelId())).orElse(OptionalLong.empty());
    }

    public OptionalLong callSerialNumber() {
        return find(Avp.CallSerialNumber.class).map(s -> OptionalLong.of(s.serial())).orElse(OptionalLong.empty());
    }

    /** Whether Sequencing Required (§4.4.4) is present: data messages must carry Ns/Nr. */
    public boolean sequencingRequired() { return find(Avp.SequencingRequired.class).isPresent(); }

    public Optional<Bytes> initialReceivedLcpConfReq() {
        return find(Avp.InitialReceivedLcpConfReq.class).map(Avp.InitialReceivedLcpConfReq::options);
    }

    public Optional<Bytes> lastSentLcpConfReq() {
        return find(Avp.LastSentLcpConfReq.class).map(Avp.LastSentLcpConfReq::options);
    }

    public Optional<Bytes> lastReceivedLcpConfReq() {
        return find(Avp.LastReceivedLcpConfReq.class).map(Avp.LastReceivedLcpConfReq::options);
    }

    /** The Proxy Authen Type, empty when absent or a code this engine does not know. */
    public Optional<ProxyAuthType> proxyAuthType() {
        return find(Avp.ProxyAuthenType.class).flatMap(t -> ProxyAuthType.fromCode(t.authType()));
    }

    public Optional<String> proxyAuthName() { return find(Avp.ProxyAuthenName.class).map(Avp.ProxyAuthenName::name); }

    public Optional<Bytes> proxyAuthChallenge() {
        return find(Avp.ProxyAuthenChallenge.class).map(Avp.ProxyAuthenChallenge::challenge);
    }

    public Optional<Integer> proxyAuthId() { return find(Avp.ProxyAuthenId.class).map(Avp.ProxyAuthenId::id); }

    public Optional<Bytes> proxyAuthResponse() {
        return find(Avp.ProxyAuthenResponse.class).map(Avp.ProxyAuthenResponse::response);
    }
}
