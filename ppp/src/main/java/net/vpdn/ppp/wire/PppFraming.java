package net.vpdn.ppp.wire;

/**
 * What the link negotiated about header compression (RFC 1661 §6.5 PFC, §6.6 ACFC), for each
 * direction of the codec.
 *
 * @param acceptCompressedAddressControl receive: frames without 0xFF 0x03 are accepted
 * @param acceptCompressedProtocol receive: one-octet protocol fields are accepted
 * @param sendAddressControl transmit: prepend 0xFF 0x03 (false only when the peer accepted ACFC)
 * @param compressProtocol transmit: one-octet protocol fields where possible (peer accepted PFC)
 */
public record PppFraming(boolean acceptCompressedAddressControl, boolean acceptCompressedProtocol,
                         boolean sendAddressControl, boolean compressProtocol) {

    /**
     * The framing before LCP opens: send everything uncompressed, but accept compressed
     * headers, as RFC 1661 §6.5/§6.6 tell receivers to be liberal and real peers (Windows after
     * renegotiation) send them early.
     */
    public static PppFraming initial() {
        return new PppFraming(true, true, true, false);
    }

    /** Strict receive: only what was negotiated; uncompressed transmit. */
    public static PppFraming strict(boolean acfcNegotiated, boolean pfcNegotiated) {
        return new PppFraming(acfcNegotiated, pfcNegotiated, true, false);
    }
}
