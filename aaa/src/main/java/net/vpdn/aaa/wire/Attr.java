package net.vpdn.aaa.wire;

/** RADIUS attribute type numbers used here, with the RFC that defines each. */
public final class Attr {
    private Attr() {
    }

    // RFC 2865 §5
    public static final int USER_NAME = 1;
    public static final int USER_PASSWORD = 2;
    public static final int CHAP_PASSWORD = 3;
    public static final int NAS_IP_ADDRESS = 4;
    public static final int NAS_PORT = 5;
    public static final int SERVICE_TYPE = 6;
    public static final int FRAMED_PROTOCOL = 7;
    public static final int FRAMED_IP_ADDRESS = 8;
    public static final int REPLY_MESSAGE = 18;
    public static final int CLASS = 25;
    public static final int VENDOR_SPECIFIC = 26;
    public static final int SESSION_TIMEOUT = 27;
    public static final int IDLE_TIMEOUT = 28;
    public static final int CALLED_STATION_ID = 30;
    public static final int CALLING_STATION_ID = 31;
    public static final int NAS_IDENTIFIER = 32;
    public static final int CHAP_CHALLENGE = 60;
    public static final int NAS_PORT_TYPE = 61;
    public static final int PORT_LIMIT = 62;
    // RFC 2866 §5
    public static final int ACCT_STATUS_TYPE = 40;
    public static final int ACCT_DELAY_TIME = 41;
    public static final int ACCT_INPUT_OCTETS = 42;
    public static final int ACCT_OUTPUT_OCTETS = 43;
    public static final int ACCT_SESSION_ID = 44;
    public static final int ACCT_SESSION_TIME = 46;
    public static final int ACCT_INPUT_PACKETS = 47;
    public static final int ACCT_OUTPUT_PACKETS = 48;
    public static final int ACCT_TERMINATE_CAUSE = 49;
    public static final int ACCT_MULTI_SESSION_ID = 50;
    // RFC 2869 §5
    public static final int ACCT_INPUT_GIGAWORDS = 52;
    public static final int ACCT_OUTPUT_GIGAWORDS = 53;
    public static final int EVENT_TIMESTAMP = 55;
    public static final int MESSAGE_AUTHENTICATOR = 80;
    // RFC 2868 §3
    public static final int TUNNEL_TYPE = 64;
    public static final int TUNNEL_MEDIUM_TYPE = 65;
    public static final int TUNNEL_CLIENT_ENDPOINT = 66;
    public static final int TUNNEL_SERVER_ENDPOINT = 67;
    public static final int TUNNEL_PASSWORD = 69;
    public static final int TUNNEL_PRIVATE_GROUP_ID = 81;
    public static final int TUNNEL_ASSIGNMENT_ID = 82;
    public static final int TUNNEL_PREFERENCE = 83;
    public static final int TUNNEL_CLIENT_AUTH_ID = 90;
    public static final int TUNNEL_SERVER_AUTH_ID = 91;
    // RFC 2867 §4
    public static final int ACCT_TUNNEL_CONNECTION = 68;
    public static final int ACCT_TUNNEL_PACKETS_LOST = 86;
    // RFC 2869 §5.19 / RFC 2865 (Framed-Pool is RFC 2869 §5.18)
    public static final int FRAMED_POOL = 88;
    // RFC 5176 §3.5
    public static final int ERROR_CAUSE = 101;

    // RFC 2548 (vendor 311) sub-types
    public static final int MS_CHAP_CHALLENGE = 11;
    public static final int MS_CHAP2_RESPONSE = 25;
    public static final int MS_CHAP2_SUCCESS = 26;
    public static final int MS_CHAP_ERROR = 2;
}
