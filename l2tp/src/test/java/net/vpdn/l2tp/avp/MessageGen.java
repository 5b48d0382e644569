package net.vpdn.l2tp.avp;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.vpdn.l2tp.wire.Bytes;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.MessageType;

/** Seeded generators of typed AVPs and messages for property tests. */
public final class MessageGen {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_@ äöüé日本";

    private final SplittableRandom r;

    public MessageGen(long seed) {
        this.r = new SplittableRandom(seed);
    }

    /** A random value of the given known type (not MESSAGE_TYPE). */
    public Avp avp(AvpType t) {
        return switch (t) {
            case MESSAGE_TYPE -> throw new IllegalArgumentException("not an Avp");
            case RESULT_CODE -> resultCode();
            case PROTOCOL_VERSION -> new Avp.ProtocolVersion(u8(), u8());
            case FRAMING_CAPABILITIES -> new Avp.FramingCapabilities(r.nextBoolean(), r.nextBoolean());
            case BEARER_CAPABILITIES -> new Avp.BearerCapabilities(r.nextBoolean(), r.nextBoolean());
            case TIE_BREAKER -> new Avp.TieBreaker(r.nextLong());
            case FIRMWARE_REVISION -> new Avp.FirmwareRevision(u16());
            case HOST_NAME -> new Avp.HostName(text(1));
            case VENDOR_NAME -> new Avp.VendorName(text(0));
            case ASSIGNED_TUNNEL_ID -> new Avp.AssignedTunnelId(u16());
            case RECEIVE_WINDOW_SIZE -> new Avp.ReceiveWindowSize(u16());
            case CHALLENGE -> new Avp.Challenge(bytes(1, 64));
            case Q931_CAUSE_CODE -> new Avp.Q931CauseCode(u16(), u8(), text(0));
            case CHALLENGE_RESPONSE -> new Avp.ChallengeResponse(bytes(16, 16));
            case ASSIGNED_SESSION_ID -> new Avp.AssignedSessionId(u16());
            case CALL_SERIAL_NUMBER -> new Avp.CallSerialNumber(u32());
            case MINIMUM_BPS -> new Avp.MinimumBps(u32());
            case MAXIMUM_BPS -> new Avp.MaximumBps(u32());
            case BEARER_TYPE -> new Avp.BearerType(r.nextBoolean(), r.nextBoolean());
            case FRAMING_TYPE -> new Avp.FramingType(r.nextBoolean(), r.nextBoolean());
            case CALLED_NUMBER -> new Avp.CalledNumber(text(0));
            case CALLING_NUMBER -> new Avp.CallingNumber(text(0));
            case SUB_ADDRESS -> new Avp.SubAddress(text(0));
            case TX_CONNECT_SPEED -> new Avp.TxConnectSpeed(u32());
            case PHYSICAL_CHANNEL_ID -> new Avp.PhysicalChannelId(u32());
            case INITIAL_RECEIVED_LCP_CONFREQ -> new Avp.InitialReceivedLcpConfReq(bytes(0, 40));
            case LAST_SENT_LCP_CONFREQ -> new Avp.LastSentLcpConfReq(bytes(0, 40));
            case LAST_RECEIVED_LCP_CONFREQ -> new Avp.LastReceivedLcpConfReq(bytes(0, 40));
            case PROXY_AUTHEN_TYPE -> new Avp.ProxyAuthenType(u16());
            case PROXY_AUTHEN_NAME -> new Avp.ProxyAuthenName(text(0));
            case PROXY_AUTHEN_CHALLENGE -> new Avp.ProxyAuthenChallenge(bytes(0, 40));
            case PROXY_AUTHEN_ID -> new Avp.ProxyAuthenId(u8());
            case PROXY_AUTHEN_RESPONSE -> new Avp.ProxyAuthenResponse(bytes(0, 40));
            case CALL_ERRORS -> new Avp.CallErrors(u32(), u32(), u32(), u32(), u32(), u32());
            case ACCM -> new Avp.Accm(u32(), u32());
            case RANDOM_VECTOR -> new Avp.RandomVector(bytes(1, 32));
            case PRIVATE_GROUP_ID -> new Avp.PrivateGroupId(bytes(0, 40));
            case RX_CONNECT_SPEED -> new Avp.RxConnectSpeed(u32());
            case SEQUENCING_REQUIRED -> new Avp.SequencingRequired();
            case PPP_DISCONNECT_CAUSE_CODE -> new Avp.PppDisconnectCause(u16(), u16(), u8(), text(0));
        };
    }

    /** A vendor AVP or an unassigned IETF type, without the M bit (so decoding keeps it). */
    public Avp.Unknown unknown() {
        boolean vendor = r.nextBoolean();
        int type = vendor ? u16() : 47 + r.nextInt(1000);
        return new Avp.Unknown(vendor ? 1 + r.nextInt(0xFFFF) : 0, type, false, bytes(0, 30));
    }

    /** A message of {@code type} with 0..12 random AVPs of random known types and some unknown ones. */
    public ControlMessage message(MessageType type) {
        AvpType[] types = AvpType.values();
        List<Avp> avps = new ArrayList<>();
        int n = r.nextInt(13);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(8) == 0) {
                avps.add(unknown());
                continue;
            }
            AvpType t = types[1 + r.nextInt(types.length - 1)];
            avps.add(avp(t));
        }
        return new ControlMessage(type, u16(), u16(), avps);
    }

    /** A random subset of the hideable types. */
    public Set<AvpType> hideable() {
        Set<AvpType> out = EnumSet.noneOf(AvpType.class);
        for (AvpTable.Row row : AvpTable.rows()) {
            if (row.hideable() && r.nextBoolean()) {
                out.add(row.type());
            }
        }
        return out;
    }

    public MessageType messageType() {
        MessageType[] all = MessageType.values();
        return all[r.nextInt(all.length)];
    }

    public Bytes bytes(int min, int max) {
        byte[] b = new byte[min + r.nextInt(max - min + 1)];
        r.nextBytes(b);
        return Bytes.of(b);
    }

    private Avp.ResultCode resultCode() {
        int result = u16();
        return switch (r.nextInt(3)) {
            case 0 -> new Avp.ResultCode(result, -1, "");
            case 1 -> new Avp.ResultCode(result, u16(), "");
            default -> new Avp.ResultCode(result, u16(), text(1));
        };
    }

    private String text(int min) {
        int n = min + r.nextInt(24);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private int u8() {
        return r.nextInt(256);
    }

    private int u16() {
        return r.nextInt(0x10000);
    }

    private long u32() {
        return r.nextLong(0x1_0000_0000L);
    }
}
