package net.vpdn.aaa.radius;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import net.vpdn.aaa.AuthResult;
import net.vpdn.aaa.Authenticator;
import net.vpdn.aaa.Authorization;
import net.vpdn.aaa.SessionContext;
import net.vpdn.aaa.TunnelAuthorizer;
import net.vpdn.aaa.TunnelLookup;
import net.vpdn.aaa.acct.AccountingAttributes;
import net.vpdn.aaa.acct.AccountingQueue;
import net.vpdn.aaa.acct.AccountingRecord;
import net.vpdn.aaa.tunnel.TunnelAttributes;
import net.vpdn.aaa.wire.Attr;
import net.vpdn.aaa.wire.RadiusAttribute;
import net.vpdn.aaa.wire.RadiusCode;
import net.vpdn.aaa.wire.RadiusPacket;
import net.vpdn.aaa.wire.Vsa;
import net.vpdn.ppp.auth.AuthRequest;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;

/**
 * AAA over RADIUS: PAP (User-Password), CHAP-MD5 (CHAP-Password + CHAP-Challenge, RFC 2865
 * §5.3, §5.40) and MS-CHAPv2 (RFC 2548 MS-CHAP-Challenge + MS-CHAP2-Response) authentication;
 * LAC tunnel lookup by domain ("vpdn authorize domain": User-Name = domain, password
 * {@code tunnelLookupPassword}, Service-Type Outbound); and the sender behind an
 * {@link AccountingQueue}. An Access-Reject is final; no answer is {@link AuthResult.NoDecision}.
 */
public final class RadiusBackend implements Authenticator, TunnelAuthorizer, AccountingQueue.Sender {
    /** Service-Type Framed, RFC 2865 §5.6. */
    static final int SERVICE_FRAMED = 2;
    /** Service-Type Outbound, used by LACs for domain lookups. */
    static final int SERVICE_OUTBOUND = 5;
    /** Framed-Protocol PPP, RFC 2865 §5.7. */
    static final int FRAMED_PPP = 1;
    /** NAS-Port-Type Virtual, RFC 2865 §5.41. */
    static final int PORT_VIRTUAL = 5;

    private final RadiusClient client;
    private final RadiusSettings settings;
    private final Secret tunnelLookupPassword;
    private final LongSupplier nanoTime;

    public RadiusBackend(RadiusClient client, RadiusSettings settings, Secret tunnelLookupPassword, LongSupplier nanoTime) {
        this.client = client;
        this.settings = settings;
        this.tunnelLookupPassword = tunnelLookupPassword;
        this.nanoTime = nanoTime;
    }

    @Override
    public CompletionStage<AuthResult> authenticate(AuthRequest request, SessionContext context) {
        List<RadiusAttribute> attrs = nasAttributes(request.user(), SERVICE_FRAMED);
        attrs.add(RadiusAttribute.integer(Attr.FRAMED_PROTOCOL, FRAMED_PPP));
        attrs.add(RadiusAttribute.text(Attr.ACCT_SESSION_ID, context.acctSessionId()));
        context.nasPort().ifPresent(p -> attrs.add(RadiusAttribute.integer(Attr.NAS_PORT, p)));
        context.callingStationId().ifPresent(s -> attrs.add(RadiusAttribute.text(Attr.CALLING_STATION_ID, s)));
        context.calledStationId().ifPresent(s -> attrs.add(RadiusAttribute.text(Attr.CALLED_STATION_ID, s)));
        Secret papPassword = switch (request) {
            case AuthRequest.Pap p -> p.password();
            case AuthRequest.ChapMd5 c -> {
                attrs.add(new RadiusAttribute(Attr.CHAP_PASSWORD, prefix(c.identifier(), c.response())));
                attrs.add(new RadiusAttribute(Attr.CHAP_CHALLENGE, c.challenge()));
                yield null;
            }
            case AuthRequest.MsChapV2 m -> {
                attrs.add(Vsa.of(Vsa.MICROSOFT, Attr.MS_CHAP_CHALLENGE, m.authenticatorChallenge()));
                attrs.add(Vsa.of(Vsa.MICROSOFT, Attr.MS_CHAP2_RESPONSE, msChap2Response(m)));
                yield null;
            }
        };
        return client.send(new RadiusExchange.Request(RadiusCode.ACCESS_REQUEST, attrs, papPassword))
                .thenApply(outcome -> switch (outcome) {
                    case RadiusExchange.NoAnswer n -> new AuthResult.NoDecision(AuthResult.Why.NO_ANSWER, n.detail());
                    case RadiusExchange.Answered a when a.reply().code() == RadiusCode.ACCESS_ACCEPT ->
                            new AuthResult.Accept(authorization(a.reply(), request));
                    case RadiusExchange.Answered a -> new AuthResult.Reject(replyMessage(a.reply()).orElse("rejected by " + a.server()));
                });
    }

    @Override
    public CompletionStage<TunnelLookup> tunnelsFor(String domainOrDnis) {
        List<RadiusAttribute> attrs = nasAttributes(domainOrDnis, SERVICE_OUTBOUND);
        return client.send(new RadiusExchange.Request(RadiusCode.ACCESS_REQUEST, attrs, tunnelLookupPassword))
                .thenApply(outcome -> switch (outcome) {
                    case RadiusExchange.NoAnswer n -> new TunnelLookup.NoDecision(AuthResult.Why.NO_ANSWER, n.detail());
                    case RadiusExchange.Answered a when a.reply().code() == RadiusCode.ACCESS_ACCEPT -> tunnels(a);
                    case RadiusExchange.Answered a -> new TunnelLookup.NotFound("rejected by " + a.server());
                });
    }

    private static TunnelLookup tunnels(RadiusExchange.Answered a) {
        return switch (TunnelAttributes.decode(a.reply().attributes(), a.secret(), a.requestAuthenticator())) {
            case TunnelAttributes.Result.Sets s when s.sets().isEmpty() -> new TunnelLookup.NotFound("Access-Accept without tunnel attributes");
            case TunnelAttributes.Result.Sets s -> new TunnelLookup.Found(s.sets());
            case TunnelAttributes.Result.Invalid i -> new TunnelLookup.NotFound("unusable tunnel attributes: " + i.detail());
        };
    }

    @Override
    public CompletionStage<Boolean> send(AccountingRecord record) {
        long delaySeconds = Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - record.queuedAtNanos())).toSeconds();
        List<RadiusAttribute> attrs = new ArrayList<>(AccountingAttributes.of(record, delaySeconds));
        settings.nasIdentifier().ifPresent(n -> attrs.add(RadiusAttribute.text(Attr.NAS_IDENTIFIER, n)));
        return client.send(new RadiusExchange.Request(RadiusCode.ACCOUNTING_REQUEST, attrs, null))
                .thenApply(o -> o instanceof RadiusExchange.Answered);
    }

    private List<RadiusAttribute> nasAttributes(String userName, int serviceType) {
        List<RadiusAttribute> attrs = new ArrayList<>();
        attrs.add(RadiusAttribute.text(Attr.USER_NAME, userName));
        attrs.add(RadiusAttribute.integer(Attr.SERVICE_TYPE, serviceType));
        attrs.add(RadiusAttribute.integer(Attr.NAS_PORT_TYPE, PORT_VIRTUAL));
        settings.nasIdentifier().ifPresent(n -> attrs.add(RadiusAttribute.text(Attr.NAS_IDENTIFIER, n)));
        return attrs;
    }

    /** MS-CHAP2-Response, RFC 2548 §2.3.2: Ident, Flags, Peer-Challenge (16), Reserved (8), Response (24). */
    private static Octets msChap2Response(AuthRequest.MsChapV2 m) {
        byte[] v = new byte[50];
        v[0] = (byte) m.identifier();
        m.peerChallenge().copyTo(v, 2);
        m.ntResponse().copyTo(v, 26);
        return Octets.of(v);
    }

    private static Octets prefix(int first, Octets rest) {
        byte[] v = new byte[1 + rest.length()];
        v[0] = (byte) first;
        rest.copyTo(v, 1);
        return Octets.of(v);
    }

    private static Authorization authorization(RadiusPacket reply, AuthRequest request) {
        Optional<Inet4Address> address = reply.first(Attr.FRAMED_IP_ADDRESS).filter(a -> a.value().length() == 4)
                .flatMap(a -> ipv4(a.value()));
        Optional<String> pool = reply.first(Attr.FRAMED_POOL).map(RadiusAttribute::asText);
        Optional<Duration> session = seconds(reply, Attr.SESSION_TIMEOUT);
        Optional<Duration> idle = seconds(reply, Attr.IDLE_TIMEOUT);
        OptionalInt limit = reply.first(Attr.PORT_LIMIT).filter(a -> a.asInteger() >= 0)
                .map(a -> OptionalInt.of((int) Math.min(a.asInteger(), Integer.MAX_VALUE))).orElse(OptionalInt.empty());
        Optional<Octets> radiusClass = reply.first(Attr.CLASS).map(RadiusAttribute::value);
        return new Authorization(address, pool, session, idle, limit, radiusClass, successMessage(reply, request));
    }

    /** For MS-CHAPv2 the "S=…" authenticator response from MS-CHAP2-Success (RFC 2548 §2.3.3), after its Ident octet. */
    private static String successMessage(RadiusPacket reply, AuthRequest request) {
        if (request instanceof AuthRequest.MsChapV2) {
            for (RadiusAttribute a : reply.all(Attr.VENDOR_SPECIFIC)) {
                Optional<Octets> success = Vsa.find(a, Vsa.MICROSOFT, Attr.MS_CHAP2_SUCCESS);
                if (success.isPresent() && success.get().length() > 1) {
                    Octets s = success.get();
                    return new String(s.slice(1, s.length() - 1).toArray(), java.nio.charset.StandardCharsets.US_ASCII);
                }
            }
            return "";
        }
        return replyMessage(reply).orElse("Welcome");
    }

    private static Optional<String> replyMessage(RadiusPacket reply) {
        return reply.first(Attr.REPLY_MESSAGE).map(RadiusAttribute::asText);
    }

    private static Optional<Duration> seconds(RadiusPacket reply, int type) {
        return reply.first(type).filter(a -> a.asInteger() >= 0).map(a -> Duration.ofSeconds(a.asInteger()));
    }

    private static Optional<Inet4Address> ipv4(Octets v) {
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(v.toArray()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
