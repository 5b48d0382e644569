package net.vpdn.ppp.fsm;

import java.util.ArrayList;
import java.util.List;
import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.Octets;

/**
 * A one-option layer for engine tests: we ask for option 1 with value {@code wanted}; we accept
 * the peer's option 1 only with value {@code acceptable}, Nak-ing with it otherwise; any other
 * option type is rejected.
 */
class TestLayer implements CpLayer {
    static final int OPTION = 1;
    int wanted;
    final int acceptable;
    boolean ask = true;
    List<CpOption> oursInForce = List.of();
    List<CpOption> theirsInForce = List.of();

    TestLayer(int wanted, int acceptable) {
        this.wanted = wanted;
        this.acceptable = acceptable;
    }

    static CpOption option(int type, int value) {
        return new CpOption(type, Octets.ofU16(value));
    }

    @Override
    public int protocol() {
        return 0x8021;
    }

    @Override
    public List<CpOption> buildRequest() {
        return ask ? List.of(option(OPTION, wanted)) : List.of();
    }

    @Override
    public RequestVerdict judge(List<CpOption> peerOptions) {
        List<CpOption> reject = new ArrayList<>();
        List<CpOption> nak = new ArrayList<>();
        for (CpOption o : peerOptions) {
            if (o.type() != OPTION || o.value().length() != 2) {
                reject.add(o);
            } else if (o.value().u16(0) != acceptable) {
                nak.add(option(OPTION, acceptable));
            }
        }
        if (!reject.isEmpty()) {
            return new RequestVerdict.Reject(reject);
        }
        return nak.isEmpty() ? new RequestVerdict.Ack() : new RequestVerdict.Nak(nak);
    }

    @Override
    public boolean applyNak(List<CpOption> nakked) {
        for (CpOption o : nakked) {
            if (o.type() == OPTION && o.value().length() == 2) {
                wanted = o.value().u16(0);
            }
        }
        return true;
    }

    @Override
    public boolean applyReject(List<CpOption> rejected) {
        if (rejected.stream().anyMatch(o -> o.type() != OPTION)) {
            return false;
        }
        ask = false;
        return true;
    }

    @Override
    public void onOurRequestAcked(List<CpOption> ours) {
        oursInForce = ours;
    }

    @Override
    public void onPeerRequestAcked(List<CpOption> theirs) {
        theirsInForce = theirs;
    }
}
