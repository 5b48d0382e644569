package net.vpdn.l2tp.avp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.wire.Bytes;
import net.vpdn.l2tp.wire.ControlMessage;
import net.vpdn.l2tp.wire.ControlPacket;
import net.vpdn.l2tp.wire.MessageType;
import net.vpdn.l2tp.wire.RawAvp;

/**
 * Between raw AVPs and typed messages, RFC 2661 §4: the Message Type first (§4.4.1), hidden
 * AVPs unhidden with the Random Vector that precedes them (§4.3), unknown AVPs kept or
 * reported by their M bit (§4.1). Which AVPs a message must carry is {@link MessageSpec}'s job.
 */
public final class AvpCodec {
    /** Octets of the Random Vector the encoder generates, as wide as one MD5 block of key stream. */
    public static final int RANDOM_VECTOR_LENGTH = 16;
    private static final int IETF = 0;

    private AvpCodec() {
    }

    /**
     * Types the AVPs of one control packet. A ZLB (no AVPs) is not a message: callers handle it
     * before this. Total: every input yields one of the {@link AvpDecodeResult} cases.
     *
     * @param secretOrNull the tunnel secret, needed only if an AVP is hidden
     */
    public static AvpDecodeResult decode(List<RawAvp> avps, TunnelSecret secretOrNull) {
        if (avps.isEmpty()) {
            return new AvpDecodeResult.Invalid(ErrorCode.LENGTH_WRONG, "no AVPs: a ZLB carries no Message Type");
        }
        RawAvp first = avps.getFirst();
        if (first.vendorId() != IETF || first.attributeType() != AvpType.MESSAGE_TYPE.code() || first.reservedBits() != 0) {
            return new AvpDecodeResult.Invalid(ErrorCode.FIELD_OUT_OF_RANGE, "first AVP is vendor " + first.vendorId()
                    + " type " + first.attributeType() + ", not Message Type (RFC 2661 §4.4.1)");
        }
        if (first.hidden() || first.value().length() != 2) {
            return new AvpDecodeResult.Invalid(ErrorCode.LENGTH_WRONG, "Message Type AVP must be 2 plain octets, got "
                    + first.value().length() + (first.hidden() ? " hidden" : "") + " (RFC 2661 §4.4.1)");
        }
        int code = ((first.value().get(0) & 0xFF) << 8) | (first.value().get(1) & 0xFF);
        return MessageType.fromCode(code)
                .map(type -> decodeBody(type, avps, secretOrNull))
                .orElseGet(() -> new AvpDecodeResult.UnknownMessageType(code, first.mandatory()));
    }

    /** Types the AVPs after the Message Type; a Random Vector applies to the hidden AVPs after it (§4.3). */
    private static AvpDecodeResult decodeBody(MessageType type, List<RawAvp> avps, TunnelSecret secret) {
        List<Avp> typed = new ArrayList<>(avps.size() - 1);
        Bytes randomVector = null;
        for (int i = 1; i < avps.size(); i++) {
            RawAvp raw = avps.get(i);
            Optional<AvpType> known = recognise(raw);
            if (known.isEmpty()) {
                if (raw.mandatory()) {
                    return new AvpDecodeResult.UnknownMandatoryAvp(raw);
                }
                typed.add(unknown(raw, secret, randomVector));
                continue;
            }
            Typed one = typeOne(i, raw, known.get(), secret, randomVector);
            if (one.invalid() != null) {
                return one.invalid();
            }
            if (one.avp() instanceof Avp.RandomVector rv) {
                randomVector = rv.vector();
            }
            typed.add(one.avp());
        }
        return new AvpDecodeResult.Ok(type, typed);
    }

    /** Either a typed AVP or why the message is invalid. */
    private record Typed(Avp avp, AvpDecodeResult.Invalid invalid) {
    }

    /**
     * The Message Type of a packet whose body may not type cleanly, so the caller can tell a
     * tunnel from a session message when answering {@link AvpDecodeResult.UnknownMandatoryAvp}
     * or {@link AvpDecodeResult.Invalid} (StopCCN or CDN, §4.1). Empty when there is none.
     */
    public static Optional<MessageType> peekMessageType(List<RawAvp> avps) {
        if (avps.isEmpty()) {
            return Optional.empty();
        }
        RawAvp first = avps.getFirst();
        if (first.vendorId() != IETF || first.attributeType() != AvpType.MESSAGE_TYPE.code() || first.hidden()
                || first.value().length() != 2) {
            return Optional.empty();
        }
        return MessageType.fromCode(((first.value().get(0) & 0xFF) << 8) | (first.value().get(1) & 0xFF));
    }

    /** {@link #decode} of a packet's AVPs. */
    public static AvpDecodeResult decode(ControlPacket packet, TunnelSecret secretOrNull) {
        return decode(packet.avps(), secretOrNull);
    }

    /**
     * The known IETF type of a raw AVP, if it is recognised. §4.1: reserved bits make an AVP
     * unrecognised; a second Message Type is not an attribute either.
     */
    private static Optional<AvpType> recognise(RawAvp raw) {
        if (raw.vendorId() != IETF || raw.reservedBits() != 0) {
            return Optional.empty();
        }
        return AvpType.fromCode(raw.attributeType()).filter(t -> t != AvpType.MESSAGE_TYPE);
    }

    private static Typed typeOne(int index, RawAvp raw, AvpType type, TunnelSecret secret, Bytes randomVector) {
        AvpTable.Row row = AvpTable.row(type);
        Bytes value = raw.value();
        if (raw.hidden()) {
            String where = row.name() + " AVP (index " + index + ")";
            if (type == AvpType.RANDOM_VECTOR) {
                return invalid(ErrorCode.FIELD_OUT_OF_RANGE, "Random Vector AVP (index " + index + ") is hidden (RFC 2661 §4.3)");
            }
            if (randomVector == null) {
                return invalid(ErrorCode.FIELD_OUT_OF_RANGE, "hidden " + where + " has no Random Vector before it (RFC 2661 §4.3)");
            }
            if (secret == null) {
                return invalid(ErrorCode.FIELD_OUT_OF_RANGE, "hidden " + where + " but no tunnel secret is configured");
            }
            switch (AvpHiding.unhide(type.code(), value, secret, randomVector)) {
                case AvpHiding.Unhidden.Plain p -> value = p.value();
                case AvpHiding.Unhidden.Bad b -> {
                    return invalid(ErrorCode.LENGTH_WRONG, where + ": " + b.detail());
                }
            }
        }
        return switch (AvpTable.parse(type, value)) {
            case AvpTable.Parsed.Ok ok -> new Typed(ok.avp(), null);
            case AvpTable.Parsed.WrongLength w -> invalid(ErrorCode.LENGTH_WRONG, "AVP index " + index + ": " + w.detail());
        };
    }

    /** An unrecognised AVP without M is kept; if hidden and decipherable, its plain value is kept. */
    private static Avp unknown(RawAvp raw, TunnelSecret secret, Bytes randomVector) {
        Bytes value = raw.value();
        if (raw.hidden() && secret != null && randomVector != null
                && AvpHiding.unhide(raw.attributeType(), value, secret, randomVector) instanceof AvpHiding.Unhidden.Plain p) {
            value = p.value();
        }
        return new Avp.Unknown(raw.vendorId(), raw.attributeType(), raw.mandatory(), value);
    }

    private static Typed invalid(ErrorCode error, String detail) {
        return new Typed(null, new AvpDecodeResult.Invalid(error, detail));
    }

    /**
     * The raw AVPs of a message: Message Type first, then {@code m.avps()} in order, M bits from
     * the {@link AvpTable}. Types the policy hides are hidden under the current Random Vector: a
     * {@link Avp.RandomVector} already in the message, or a fresh one (from {@code random})
     * inserted before the first hidden AVP that has none.
     *
     * @throws IllegalArgumentException if a value cannot fit in one AVP (over 1017 octets)
     */
    public static List<RawAvp> encode(ControlMessage m, HidingPolicy policy, RandomSource random) {
        List<RawAvp> out = new ArrayList<>(m.avps().size() + 2);
        byte[] type = {(byte) (m.type().code() >>> 8), (byte) m.type().code()};
        out.add(plain(AvpType.MESSAGE_TYPE, type));
        Bytes randomVector = null;
        for (Avp avp : m.avps()) {
            if (avp instanceof Avp.Unknown u) {
                out.add(new RawAvp(u.mandatory(), false, u.vendorId(), u.attributeType(), u.value()));
                continue;
            }
            byte[] value = AvpTable.write(avp);
            if (avp instanceof Avp.RandomVector rv) {
                randomVector = rv.vector();
            }
            if (!policy.hides(avp.type())) {
                out.add(plain(avp.type(), value));
                continue;
            }
            if (randomVector == null) {
                byte[] fresh = new byte[RANDOM_VECTOR_LENGTH];
                random.nextBytes(fresh);
                randomVector = Bytes.of(fresh);
                out.add(plain(AvpType.RANDOM_VECTOR, fresh));
            }
            byte[] hidden = AvpHiding.hide(avp.type().code(), value, policy.secret(), randomVector.toArray(), new byte[0]);
            out.add(checked(new RawAvp(AvpTable.row(avp.type()).mandatory(), true, IETF, avp.type().code(), Bytes.of(hidden))));
        }
        return out;
    }

    /** {@link #encode} wrapped in a packet with the message's ids and the transport's Ns/Nr. */
    public static ControlPacket toPacket(ControlMessage m, int ns, int nr, HidingPolicy policy, RandomSource random) {
        return new ControlPacket(m.tunnelId(), m.sessionId(), ns, nr, encode(m, policy, random));
    }

    private static RawAvp plain(AvpType type, byte[] value) {
        return checked(new RawAvp(AvpTable.row(type).mandatory(), false, IETF, type.code(), Bytes.of(value)));
    }

    private static RawAvp checked(RawAvp raw) {
        if (raw.value().length() > LengthRule.MAX_VALUE) {
            throw new IllegalArgumentException("AVP type " + raw.attributeType() + " value of " + raw.value().length()
                    + " octets exceeds the " + LengthRule.MAX_VALUE + " an AVP can carry (RFC 2661 §4.1)");
        }
        return raw;
    }
}
