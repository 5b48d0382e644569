package net.vpdn.l2tp.avp;

import net.vpdn.l2tp.wire.Bytes;

/**
 * A typed attribute-value pair, RFC 2661 §4.4. One record per known AVP; anything else is
 * {@link Unknown}. Numbers are unsigned and held in the smallest Java type that fits them.
 * The Message Type AVP is not listed here: it is {@link net.vpdn.l2tp.wire.MessageType} on the
 * message. Whether an AVP is hidden on the wire is the encoder's policy, not the value's.
 */
public sealed interface Avp {

    /** The known type, or {@code null} for {@link Unknown}. */
    AvpType type();

    /** Result Code, §4.4.2. {@code errorCode} is -1 when absent; the meaning of {@code resultCode} depends on the message (StopCCN or CDN). */
    record ResultCode(int resultCode, int errorCode, String errorMessage) implements Avp {
        public ResultCode {
            if (errorMessage == null) errorMessage = "";
        }
        public AvpType type() { return AvpType.RESULT_CODE; }
    }

    /** Protocol Version, §4.4.3: version 1, revision 0 for L2TPv2. */
    record ProtocolVersion(int version, int revision) implements Avp {
        public AvpType type() { return AvpType.PROTOCOL_VERSION; }
    }

    /** Framing Capabilities, §4.4.3. */
    record FramingCapabilities(boolean synchronous, boolean asynchronous) implements Avp {
        public AvpType type() { return AvpType.FRAMING_CAPABILITIES; }
    }

    /** Bearer Capabilities, §4.4.3. */
    record BearerCapabilities(boolean digital, boolean analog) implements Avp {
        public AvpType type() { return AvpType.BEARER_CAPABILITIES; }
    }

    /** Tie Breaker, §4.4.3: 8 octets compared as an unsigned number, lower wins. */
    record TieBreaker(long value) implements Avp {
        public AvpType type() { return AvpType.TIE_BREAKER; }
    }

    /** Firmware Revision, §4.4.3. */
    record FirmwareRevision(int revision) implements Avp {
        public AvpType type() { return AvpType.FIRMWARE_REVISION; }
    }

    /** Host Name, §4.4.3. */
    record HostName(String name) implements Avp {
        public AvpType type() { return AvpType.HOST_NAME; }
    }

    /** Vendor Name, §4.4.3. */
    record VendorName(String name) implements Avp {
        public AvpType type() { return AvpType.VENDOR_NAME; }
    }

    /** Assigned Tunnel ID, §4.4.3: non-zero. */
    record AssignedTunnelId(int tunnelId) implements Avp {
        public AvpType type() { return AvpType.ASSIGNED_TUNNEL_ID; }
    }

    /** Receive Window Size, §4.4.3: the sender's control receive window. */
    record ReceiveWindowSize(int size) implements Avp {
        public AvpType type() { return AvpType.RECEIVE_WINDOW_SIZE; }
    }

    /** Challenge, §4.4.3. */
    record Challenge(Bytes challenge) implements Avp {
        public AvpType type() { return AvpType.CHALLENGE; }
    }

    /** Challenge Response, §4.4.3: 16 octets. */
    record ChallengeResponse(Bytes response) implements Avp {
        public AvpType type() { return AvpType.CHALLENGE_RESPONSE; }
    }

    /** Q.931 Cause Code, §4.4.4. */
    record Q931CauseCode(int causeCode, int causeMessage, String advisory) implements Avp {
        public Q931CauseCode {
            if (advisory == null) advisory = "";
        }
        public AvpType type() { return AvpType.Q931_CAUSE_CODE; }
    }

    /** Assigned Session ID, §4.4.4: non-zero. */
    record AssignedSessionId(int sessionId) implements Avp {
        public AvpType type() { return AvpType.ASSIGNED_SESSION_ID; }
    }

    /** Call Serial Number, §4.4.4. */
    record CallSerialNumber(long serial) implements Avp {
        public AvpType type() { return AvpType.CALL_SERIAL_NUMBER; }
    }

    /** Minimum BPS, §4.4.4. */
    record MinimumBps(long bps) implements Avp {
        public AvpType type() { return AvpType.MINIMUM_BPS; }
    }

    /** Maximum BPS, §4.4.4. */
    record MaximumBps(long bps) implements Avp {
        public AvpType type() { return AvpType.MAXIMUM_BPS; }
    }

    /** Bearer Type, §4.4.4. */
    record BearerType(boolean digital, boolean analog) implements Avp {
        public AvpType type() { return AvpType.BEARER_TYPE; }
    }

    /** Framing Type, §4.4.4. */
    record FramingType(boolean synchronous, boolean asynchronous) implements Avp {
        public AvpType type() { return AvpType.FRAMING_TYPE; }
    }

    /** Called Number (DNIS), §4.4.4. */
    record CalledNumber(String number) implements Avp {
        public AvpType type() { return AvpType.CALLED_NUMBER; }
    }

    /** Calling Number, §4.4.4. */
    record CallingNumber(String number) implements Avp {
        public AvpType type() { return AvpType.CALLING_NUMBER; }
    }

    /** Sub-Address, §4.4.4. */
    record SubAddress(String subAddress) implements Avp {
        public AvpType type() { return AvpType.SUB_ADDRESS; }
    }

    /** (Tx) Connect Speed, §4.4.4, in bits per second. */
    record TxConnectSpeed(long bps) implements Avp {
        public AvpType type() { return AvpType.TX_CONNECT_SPEED; }
    }

    /** Rx Connect Speed, §4.4.4, in bits per second. */
    record RxConnectSpeed(long bps) implements Avp {
        public AvpType type() { return AvpType.RX_CONNECT_SPEED; }
    }

    /** Physical Channel ID, §4.4.4. */
    record PhysicalChannelId(long channelId) implements Avp {
        public AvpType type() { return AvpType.PHYSICAL_CHANNEL_ID; }
    }

    /** Private Group ID, §4.4.4. */
    record PrivateGroupId(Bytes groupId) implements Avp {
        public AvpType type() { return AvpType.PRIVATE_GROUP_ID; }
    }

    /** Sequencing Required, §4.4.4: no value. */
    record SequencingRequired() implements Avp {
        public AvpType type() { return AvpType.SEQUENCING_REQUIRED; }
    }

    /** Initial Received LCP CONFREQ, §4.4.5: the LCP options (no header) the LAC first received. */
    record InitialReceivedLcpConfReq(Bytes options) implements Avp {
        public AvpType type() { return AvpType.INITIAL_RECEIVED_LCP_CONFREQ; }
    }

    /** Last Sent LCP CONFREQ, §4.4.5. */
    record LastSentLcpConfReq(Bytes options) implements Avp {
        public AvpType type() { return AvpType.LAST_SENT_LCP_CONFREQ; }
    }

    /** Last Received LCP CONFREQ, §4.4.5. */
    record LastReceivedLcpConfReq(Bytes options) implements Avp {
        public AvpType type() { return AvpType.LAST_RECEIVED_LCP_CONFREQ; }
    }

    /** Proxy Authen Type, §4.4.5; see {@link ProxyAuthType} for the codes. */
    record ProxyAuthenType(int authType) implements Avp {
        public AvpType type() { return AvpType.PROXY_AUTHEN_TYPE; }
    }

    /** Proxy Authen Name, §4.4.5. */
    record ProxyAuthenName(String name) implements Avp {
        public AvpType type() { return AvpType.PROXY_AUTHEN_NAME; }
    }

    /** Proxy Authen Challenge, §4.4.5. */
    record ProxyAuthenChallenge(Bytes challenge) implements Avp {
        public AvpType type() { return AvpType.PROXY_AUTHEN_CHALLENGE; }
    }

    /** Proxy Authen ID, §4.4.5: the CHAP identifier (low octet of the 2-octet value). */
    record ProxyAuthenId(int id) implements Avp {
        public AvpType type() { return AvpType.PROXY_AUTHEN_ID; }
    }

    /** Proxy Authen Response, §4.4.5: the CHAP response or the PAP password. Secret: never printed. */
    record ProxyAuthenResponse(Bytes response) implements Avp {
        public AvpType type() { return AvpType.PROXY_AUTHEN_RESPONSE; }
        @Override public String toString() { return "ProxyAuthenResponse[<" + response.length() + " bytes redacted>]"; }
    }

    /** Call Errors, §4.4.6. */
    record CallErrors(long crcErrors, long framingErrors, long hardwareOverruns, long bufferOverruns,
                      long timeoutErrors, long alignmentErrors) implements Avp {
        public AvpType type() { return AvpType.CALL_ERRORS; }
    }

    /** ACCM, §4.4.6. */
    record Accm(long sendAccm, long receiveAccm) implements Avp {
        public AvpType type() { return AvpType.ACCM; }
    }

    /** Random Vector, §4.4.3: seeds the hiding of the AVPs that follow it. */
    record RandomVector(Bytes vector) implements Avp {
        public AvpType type() { return AvpType.RANDOM_VECTOR; }
    }

    /** PPP Disconnect Cause Code, RFC 3145 §2. */
    record PppDisconnectCause(int errorCode, int controlProtocol, int direction, String message) implements Avp {
        public PppDisconnectCause {
            if (message == null) message = "";
        }
        public AvpType type() { return AvpType.PPP_DISCONNECT_CAUSE_CODE; }
    }

    /** Any AVP this engine has no row for: a vendor AVP or an IETF type it does not know. Kept verbatim. */
    record Unknown(int vendorId, int attributeType, boolean mandatory, Bytes value) implements Avp {
        public AvpType type() { return null; }
    }
}
