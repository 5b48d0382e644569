package net.vpdn.l2tp.avp;

import static net.vpdn.l2tp.avp.LengthRule.atLeast;
import static net.vpdn.l2tp.avp.LengthRule.fixed;
import static net.vpdn.l2tp.avp.Octets.bytes;
import static net.vpdn.l2tp.avp.Octets.text;
import static net.vpdn.l2tp.avp.Octets.u16;
import static net.vpdn.l2tp.avp.Octets.u32;
import static net.vpdn.l2tp.avp.Octets.u64;
import static net.vpdn.l2tp.avp.Octets.u8;
import static net.vpdn.l2tp.avp.Octets.writer;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import net.vpdn.l2tp.avp.Avp.*;
import net.vpdn.l2tp.wire.Bytes;

/**
 * One row per known AVP, RFC 2661 §4.4 (and RFC 3145 §2): name, the M bit we send, whether it
 * may be hidden, the value length rule, the section, and the value codec. Everything about an
 * AVP type lives in its row; the codecs above this class only walk the table.
 */
public final class AvpTable {
    private static final boolean M = true;
    private static final boolean NOT_M = false;
    private static final boolean HIDEABLE = true;
    private static final boolean PLAIN = false;

    /**
     * One AVP type. {@code mandatory} is the M bit this engine sends; {@code hideable} whether
     * §4.4 allows the H bit. The parser only sees values that passed {@code length}.
     */
    public record Row(AvpType type, String name, boolean mandatory, boolean hideable, LengthRule length,
                      String rfcSection, Function<byte[], Avp> parser, Function<Avp, byte[]> writer) {
        @Override
        public String toString() {
            return name + " (type " + type.code() + ", RFC " + rfcSection + ")";
        }
    }

    /** The outcome of typing one value: the AVP, or why its length does not fit the row. */
    public sealed interface Parsed {
        /** The typed AVP. */
        record Ok(Avp avp) implements Parsed {
        }

        /** The value length breaks the row's rule. */
        record WrongLength(String detail) implements Parsed {
        }
    }

    private static final Map<AvpType, Row> ROWS = new EnumMap<>(AvpType.class);

    static {
        add(AvpType.MESSAGE_TYPE, "Message Type", M, PLAIN, fixed(2), "2661 §4.4.1", null, null, null);
        add(AvpType.RANDOM_VECTOR, "Random Vector", M, PLAIN, atLeast(1), "2661 §4.4.3", RandomVector.class,
                v -> new RandomVector(bytes(v)), a -> a.vector().toArray());
        add(AvpType.RESULT_CODE, "Result Code", M, PLAIN, new LengthRule(2, LengthRule.MAX_VALUE, 3), "2661 §4.4.2",
                ResultCode.class, AvpTable::parseResultCode, AvpTable::writeResultCode);
        add(AvpType.PROTOCOL_VERSION, "Protocol Version", M, PLAIN, fixed(2), "2661 §4.4.3", ProtocolVersion.class,
                v -> new ProtocolVersion(u8(v, 0), u8(v, 1)), a -> writer().u8(a.version()).u8(a.revision()).done());
        add(AvpType.FRAMING_CAPABILITIES, "Framing Capabilities", M, HIDEABLE, fixed(4), "2661 §4.4.3",
                FramingCapabilities.class, v -> new FramingCapabilities(bit(v, 1), bit(v, 2)),
                a -> bits(a.synchronous(), a.asynchronous()));
        add(AvpType.BEARER_CAPABILITIES, "Bearer Capabilities", M, HIDEABLE, fixed(4), "2661 §4.4.3",
                BearerCapabilities.class, v -> new BearerCapabilities(bit(v, 1), bit(v, 2)),
                a -> bits(a.digital(), a.analog()));
        add(AvpType.TIE_BREAKER, "Tie Breaker", NOT_M, PLAIN, fixed(8), "2661 §4.4.3", TieBreaker.class,
                v -> new TieBreaker(u64(v, 0)), a -> writer().u64(a.value()).done());
        add(AvpType.FIRMWARE_REVISION, "Firmware Revision", NOT_M, HIDEABLE, fixed(2), "2661 §4.4.3",
                FirmwareRevision.class, v -> new FirmwareRevision(u16(v, 0)), a -> writer().u16(a.revision()).done());
        add(AvpType.HOST_NAME, "Host Name", M, PLAIN, atLeast(1), "2661 §4.4.3", HostName.class,
                v -> new HostName(text(v, 0)), a -> writer().text(a.name()).done());
        add(AvpType.VENDOR_NAME, "Vendor Name", NOT_M, HIDEABLE, atLeast(0), "2661 §4.4.3", VendorName.class,
                v -> new VendorName(text(v, 0)), a -> writer().text(a.name()).done());
        add(AvpType.ASSIGNED_TUNNEL_ID, "Assigned Tunnel ID", M, HIDEABLE, fixed(2), "2661 §4.4.3",
                AssignedTunnelId.class, v -> new AssignedTunnelId(u16(v, 0)), a -> writer().u16(a.tunnelId()).done());
        add(AvpType.RECEIVE_WINDOW_SIZE, "Receive Window Size", M, PLAIN, fixed(2), "2661 §4.4.3",
                ReceiveWindowSize.class, v -> new ReceiveWindowSize(u16(v, 0)), a -> writer().u16(a.size()).done());
        add(AvpType.CHALLENGE, "Challenge", M, HIDEABLE, atLeast(1), "2661 §4.4.3", Challenge.class,
                v -> new Challenge(bytes(v)), a -> a.challenge().toArray());
        add(AvpType.CHALLENGE_RESPONSE, "Challenge Response", M, HIDEABLE, fixed(16), "2661 §4.4.3",
                ChallengeResponse.class, v -> new ChallengeResponse(bytes(v)), a -> a.response().toArray());
        add(AvpType.Q931_CAUSE_CODE, "Q.931 Cause Code", M, PLAIN, atLeast(3), "2661 §4.4.4", Q931CauseCode.class,
                v -> new Q931CauseCode(u16(v, 0), u8(v, 2), text(v, 3)),
                a -> writer().u16(a.causeCode()).u8(a.causeMessage()).text(a.advisory()).done());
        add(AvpType.ASSIGNED_SESSION_ID, "Assigned Session ID", M, HIDEABLE, fixed(2), "2661 §4.4.4",
                AssignedSessionId.class, v -> new AssignedSessionId(u16(v, 0)), a -> writer().u16(a.sessionId()).done());
        add(AvpType.CALL_SERIAL_NUMBER, "Call Serial Number", M, HIDEABLE, fixed(4), "2661 §4.4.4",
                CallSerialNumber.class, v -> new CallSerialNumber(u32(v, 0)), a -> writer().u32(a.serial()).done());
        add(AvpType.MINIMUM_BPS, "Minimum BPS", M, HIDEABLE, fixed(4), "2661 §4.4.4", MinimumBps.class,
                v -> new MinimumBps(u32(v, 0)), a -> writer().u32(a.bps()).done());
        add(AvpType.MAXIMUM_BPS, "Maximum BPS", M, HIDEABLE, fixed(4), "2661 §4.4.4", MaximumBps.class,
                v -> new MaximumBps(u32(v, 0)), a -> writer().u32(a.bps()).done());
        add(AvpType.BEARER_TYPE, "Bearer Type", M, HIDEABLE, fixed(4), "2661 §4.4.4", BearerType.class,
                v -> new BearerType(bit(v, 1), bit(v, 2)), a -> bits(a.digital(), a.analog()));
        add(AvpType.FRAMING_TYPE, "Framing Type", M, HIDEABLE, fixed(4), "2661 §4.4.4", FramingType.class,
                v -> new FramingType(bit(v, 1), bit(v, 2)), a -> bits(a.synchronous(), a.asynchronous()));
        add(AvpType.CALLED_NUMBER, "Called Number", M, HIDEABLE, atLeast(0), "2661 §4.4.4", CalledNumber.class,
                v -> new CalledNumber(text(v, 0)), a -> writer().text(a.number()).done());
        add(AvpType.CALLING_NUMBER, "Calling Number", M, HIDEABLE, atLeast(0), "2661 §4.4.4", CallingNumber.class,
                v -> new CallingNumber(text(v, 0)), a -> writer().text(a.number()).done());
        add(AvpType.SUB_ADDRESS, "Sub-Address", M, HIDEABLE, atLeast(0), "2661 §4.4.4", SubAddress.class,
                v -> new SubAddress(text(v, 0)), a -> writer().text(a.subAddress()).done());
        add(AvpType.TX_CONNECT_SPEED, "(Tx) Connect Speed", M, HIDEABLE, fixed(4), "2661 §4.4.4", TxConnectSpeed.class,
                v -> new TxConnectSpeed(u32(v, 0)), a -> writer().u32(a.bps()).done());
        add(AvpType.RX_CONNECT_SPEED, "Rx Connect Speed", NOT_M, HIDEABLE, fixed(4), "2661 §4.4.4", RxConnectSpeed.class,
                v -> new RxConnectSpeed(u32(v, 0)), a -> writer().u32(a.bps()).done());
        add(AvpType.PHYSICAL_CHANNEL_ID, "Physical Channel ID", NOT_M, HIDEABLE, fixed(4), "2661 §4.4.4",
                PhysicalChannelId.class, v -> new PhysicalChannelId(u32(v, 0)), a -> writer().u32(a.channelId()).done());
        add(AvpType.PRIVATE_GROUP_ID, "Private Group ID", NOT_M, HIDEABLE, atLeast(0), "2661 §4.4.4",
                PrivateGroupId.class, v -> new PrivateGroupId(bytes(v)), a -> a.groupId().toArray());
        add(AvpType.SEQUENCING_REQUIRED, "Sequencing Required", M, PLAIN, fixed(0), "2661 §4.4.4",
                SequencingRequired.class, v -> new SequencingRequired(), a -> new byte[0]);
        add(AvpType.INITIAL_RECEIVED_LCP_CONFREQ, "Initial Received LCP CONFREQ", NOT_M, HIDEABLE, atLeast(0),
                "2661 §4.4.5", InitialReceivedLcpConfReq.class, v -> new InitialReceivedLcpConfReq(bytes(v)),
                a -> a.options().toArray());
        add(AvpType.LAST_SENT_LCP_CONFREQ, "Last Sent LCP CONFREQ", NOT_M, HIDEABLE, atLeast(0), "2661 §4.4.5",
                LastSentLcpConfReq.class, v -> new LastSentLcpConfReq(bytes(v)), a -> a.options().toArray());
        add(AvpType.LAST_RECEIVED_LCP_CONFREQ, "Last Received LCP CONFREQ", NOT_M, HIDEABLE, atLeast(0),
                "2661 §4.4.5", LastReceivedLcpConfReq.class, v -> new LastReceivedLcpConfReq(bytes(v)),
                a -> a.options().toArray());
        add(AvpType.PROXY_AUTHEN_TYPE, "Proxy Authen Type", NOT_M, HIDEABLE, fixed(2), "2661 §4.4.5",
                ProxyAuthenType.class, v -> new ProxyAuthenType(u16(v, 0)), a -> writer().u16(a.authType()).done());
        add(AvpType.PROXY_AUTHEN_NAME, "Proxy Authen Name", NOT_M, HIDEABLE, atLeast(0), "2661 §4.4.5",
                ProxyAuthenName.class, v -> new ProxyAuthenName(text(v, 0)), a -> writer().text(a.name()).done());
        add(AvpType.PROXY_AUTHEN_CHALLENGE, "Proxy Authen Challenge", NOT_M, HIDEABLE, atLeast(0), "2661 §4.4.5",
                ProxyAuthenChallenge.class, v -> new ProxyAuthenChallenge(bytes(v)), a -> a.challenge().toArray());
        // §4.4.5: the ID is the low octet of a 2-octet field; the high octet is reserved.
        add(AvpType.PROXY_AUTHEN_ID, "Proxy Authen ID", NOT_M, HIDEABLE, fixed(2), "2661 §4.4.5", ProxyAuthenId.class,
                v -> new ProxyAuthenId(u8(v, 1)), a -> writer().u8(0).u8(a.id()).done());
        add(AvpType.PROXY_AUTHEN_RESPONSE, "Proxy Authen Response", NOT_M, HIDEABLE, atLeast(0), "2661 §4.4.5",
                ProxyAuthenResponse.class, v -> new ProxyAuthenResponse(bytes(v)), a -> a.response().toArray());
        add(AvpType.CALL_ERRORS, "Call Errors", M, HIDEABLE, fixed(26), "2661 §4.4.6", CallErrors.class,
                v -> new CallErrors(u32(v, 2), u32(v, 6), u32(v, 10), u32(v, 14), u32(v, 18), u32(v, 22)),
                a -> writer().u16(0).u32(a.crcErrors()).u32(a.framingErrors()).u32(a.hardwareOverruns())
                        .u32(a.bufferOverruns()).u32(a.timeoutErrors()).u32(a.alignmentErrors()).done());
        add(AvpType.ACCM, "ACCM", M, HIDEABLE, fixed(10), "2661 §4.4.6", Accm.class,
                v -> new Accm(u32(v, 2), u32(v, 6)), a -> writer().u16(0).u32(a.sendAccm()).u32(a.receiveAccm()).done());
        add(AvpType.PPP_DISCONNECT_CAUSE_CODE, "PPP Disconnect Cause Code", NOT_M, PLAIN, atLeast(5), "3145 §2",
                PppDisconnectCause.class, v -> new PppDisconnectCause(u16(v, 0), u16(v, 2), u8(v, 4), text(v, 5)),
                a -> writer().u16(a.errorCode()).u16(a.controlProtocol()).u8(a.direction()).text(a.message()).done());
    }

    private AvpTable() {
    }

    private static <T extends Avp> void add(AvpType type, String name, boolean mandatory, boolean hideable,
                                            LengthRule length, String section, Class<T> kind,
                                            Function<byte[], T> parse, Function<T, byte[]> write) {
        Function<byte[], Avp> parser = parse == null ? null : parse::apply;
        Function<Avp, byte[]> writer = write == null ? null : a -> write.apply(kind.cast(a));
        ROWS.put(type, new Row(type, name, mandatory, hideable, length, section, parser, writer));
    }

    /** The row of a known type; every {@link AvpType} has one. */
    public static Row row(AvpType type) {
        return ROWS.get(type);
    }

    /** All rows, in {@link AvpType} order. */
    public static Collection<Row> rows() {
        return Collections.unmodifiableCollection(ROWS.values());
    }

    /**
     * Types a (plain, already unhidden) value. Total for every type except
     * {@link AvpType#MESSAGE_TYPE}, which is not an {@link Avp} and is rejected as a programmer error.
     */
    public static Parsed parse(AvpType type, Bytes value) {
        Row row = ROWS.get(type);
        if (row.parser() == null) {
            throw new IllegalArgumentException(type + " is carried by the message, not as an Avp value");
        }
        if (!row.length().accepts(value.length())) {
            return new Parsed.WrongLength(row.name() + " value is " + value.length() + " octets; RFC " + row.rfcSection()
                    + " allows " + row.length());
        }
        return new Parsed.Ok(row.parser().apply(value.toArray()));
    }

    /** The value octets of a known AVP (not {@link Avp.Unknown}, whose octets are its own). */
    public static byte[] write(Avp avp) {
        if (avp instanceof Avp.Unknown u) {
            return u.value().toArray();
        }
        return ROWS.get(avp.type()).writer().apply(avp);
    }

    private static ResultCode parseResultCode(byte[] v) {
        int error = v.length >= 4 ? u16(v, 2) : -1;
        return new ResultCode(u16(v, 0), error, v.length > 4 ? text(v, 4) : "");
    }

    /** An Error Message needs an Error Code before it, so -1 is sent as 0 when a message is present. */
    private static byte[] writeResultCode(ResultCode a) {
        Octets.Writer w = writer().u16(a.resultCode());
        if (a.errorCode() >= 0 || !a.errorMessage().isEmpty()) {
            w.u16(Math.max(0, a.errorCode())).text(a.errorMessage());
        }
        return w.done();
    }

    /** The two low bits of a 32-bit capability/type field; {@code mask} 1 is S/D, 2 is A (§4.4.3). */
    private static boolean bit(byte[] v, int mask) {
        return (u8(v, 3) & mask) != 0;
    }

    private static byte[] bits(boolean low, boolean high) {
        return writer().u32((low ? 1 : 0) | (high ? 2 : 0)).done();
    }
}
