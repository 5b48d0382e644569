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
import net.vpdn.aaa.AccessLineInfo;
import net.vpdn.aaa.AuthResult;
import net.vpdn.aaa.Authenticator;
import net.vpdn.aaa.Authorization;
import net.vpdn.aaa.SessionContext;
import net.vpdn.aaa.TunnelAuthorizer;
import net.vpdn.aaa.TunnelLookup;
import net.vpdn.aaa.acct.AccountingQueue;
import net.vpdn.aaa.acct.AccountingRecord;
import net.vpdn.aaa.tunnel.TunnelAttributes;
import net.vpdn.ppp.auth.AuthRequest;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.packet.PacketType;
import org.tinyradius.core.packet.RadiusPacket;

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
        attrs.add(Attributes.integer("Framed-Protocol", FRAMED_PPP));
        attrs.add(Attributes.text("Acct-Session-Id", context.acctSessionId()));
        context.nasPort().ifPresent(p -> attrs.add(Attributes.integer("NAS-Port", p)));
        context.callingStationId().ifPresent(s -> attrs.add(Attributes.text("Calling-Station-Id", s)));
        context.calledStationId().ifPresent(s -> attrs.add(Attributes.text("Called-Station-Id", s)));
        Secret papPassword = switch (request) {
            case AuthRequest.Pap p -> p.password();
            case AuthRequest.ChapMd5 c -> {
                attrs.add(Attributes.octets("CHAP-Password", prefix(c.identifier(), c.response()).toArray()));
                attrs.add(Attributes.octets("CHAP-Challenge", c.challenge().toArray()));
                yield null;
            }
            case AuthRequest.MsChapV2 m -> {
                attrs.add(Attributes.microsoft("MS-CHAP-Challenge", m.authenticatorChallenge()));
                attrs.add(Attributes.microsoft("MS-CHAP2-Response", msChap2Response(m)));
                yield null;
            }
        };
        return client.send(new RadiusExchange.Request(PacketType.ACCESS_REQUEST, attrs, papPassword))
                .thenApply(outcome -> switch (outcome) {
                    case RadiusExchange.NoAnswer n -> new AuthResult.NoDecision(AuthResult.Why.NO_ANSWER, n.detail());
                    case RadiusExchange.Answered a when a.code() == PacketType.ACCESS_ACCEPT ->
                            new AuthResult.Accept(authorization(a.reply(), request));
                    case RadiusExchange.Answered a -> new AuthResult.Reject(replyMessage(a.reply()).orElse("rejected by " + a.server()));
                });
    }

    @Override
    public CompletionStage<TunnelLookup> tunnelsFor(String domainOrDnis) {
        return tunnelsFor(domainOrDnis, AccessLineInfo.NONE);
    }

    @Override
    public CompletionStage<TunnelLookup> tunnelsFor(String domainOrDnis, AccessLineInfo line) {
        List<RadiusAttribute> attrs = tunnelLookupAttributes(domainOrDnis, line);
        return client.send(new RadiusExchange.Request(PacketType.ACCESS_REQUEST, attrs, tunnelLookupPassword))
                .thenApply(outcome -> switch (outcome) {
                    case RadiusExchange.NoAnswer n -> new TunnelLookup.NoDecision(AuthResult.Why.NO_ANSWER, n.detail());
                    case RadiusExchange.Answered a when a.code() == PacketType.ACCESS_ACCEPT -> tunnels(a);
                    case RadiusExchange.Answered a -> new TunnelLookup.NotFound("rejected by " + a.server());
                });
    }

    private static TunnelLookup tunnels(RadiusExchange.Answered a) {
        return switch (TunnelAttributes.decode(Attributes.tunnel(a.reply()), a.secret(), a.requestAuthenticator())) {
            case TunnelAttributes.Result.Sets s when s.sets().isEmpty() -> new TunnelLookup.NotFound("Access-Accept without tunnel attributes");
            case TunnelAttributes.Result.Sets s -> new TunnelLookup.Found(s.sets());
            case TunnelAttributes.Result.Invalid i -> new TunnelLookup.NotFound("unusable tunnel attributes: " + i.detail());
        };
    }

    @Override
    public CompletionStage<Boolean> send(AccountingRecord record) {
        long delaySeconds = Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - record.queuedAtNanos())).toSeconds();
        List<RadiusAttribute> attrs = new ArrayList<>(AccountingAttributes.of(record, delaySeconds));
        settings.nasIdentifier().ifPresent(n -> attrs.add(Attributes.text("NAS-Identifier", n)));
        return client.send(new RadiusExchange.Request(PacketType.ACCOUNTING_REQUEST, attrs, null))
                .thenApply(o -> o instanceof RadiusExchange.Answered);
    }

    /** The tunnel lookup's attributes: the NAS ones, and the line's RFC 4679 identifiers when known. */
    List<RadiusAttribute> tunnelLookupAttributes(String domainOrDnis, AccessLineInfo line) {
        List<RadiusAttribute> attrs = nasAttributes(domainOrDnis, SERVICE_OUTBOUND);
        if (!line.agentCircuitId().isEmpty()) attrs.add(Attributes.adslForum("ADSL-Agent-Circuit-Id", line.agentCircuitId()));
        if (!line.agentRemoteId().isEmpty()) attrs.add(Attributes.adslForum("ADSL-Agent-Remote-Id", line.agentRemoteId()));
        return attrs;
    }

    private List<RadiusAttribute> nasAttributes(String userName, int serviceType) {
        List<RadiusAttribute> attrs = new ArrayList<>();
        attrs.add(Attributes.text("User-Name", userName));
        attrs.add(Attributes.integer("Service-Type", serviceType));
        attrs.add(Attributes.integer("NAS-Port-Type", PORT_VIRTUAL));
        settings.nasIdentifier().ifPresent(n -> attrs.add(Attributes.text("NAS-Identifier", n)));
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

    private static Authorization authorization(RadiusPacket<?> reply, AuthRequest request) {
        Optional<Inet4Address> address = Attributes.first(reply, "Framed-IP-Address").filter(v -> v.length() == 4)
                .flatMap(RadiusBackend::ipv4);
        Optional<String> pool = Attributes.text(reply, "Framed-Pool");
        Optional<Duration> session = Attributes.integer(reply, "Session-Timeout").map(Duration::ofSeconds);
        Optional<Duration> idle = Attributes.integer(reply, "Idle-Timeout").map(Duration::ofSeconds);
        Optional<Duration> interim = Attributes.integer(reply, "Acct-Interim-Interval").filter(v -> v > 0)
                .map(Duration::ofSeconds);
        OptionalInt limit = Attributes.integer(reply, "Port-Limit")
                .map(v -> OptionalInt.of((int) Math.min(v, Integer.MAX_VALUE))).orElse(OptionalInt.empty());
        Optional<Octets> radiusClass = Attributes.first(reply, "Class");
        return new Authorization(address, pool, session, idle, interim, limit, radiusClass, successMessage(reply, request));
    }

    /** For MS-CHAPv2 the "S=…" authenticator response from MS-CHAP2-Success (RFC 2548 §2.3.3), after its Ident octet. */
    private static String successMessage(RadiusPacket<?> reply, AuthRequest request) {
        if (request instanceof AuthRequest.MsChapV2) {
            return Attributes.microsoft(reply, "MS-CHAP2-Success").filter(s -> s.length() > 1)
                    .map(s -> new String(s.slice(1, s.length() - 1).toArray(), java.nio.charset.StandardCharsets.US_ASCII))
                    .orElse("");
        }
        return replyMessage(reply).orElse("Welcome");
    }

    private static Optional<String> replyMessage(RadiusPacket<?> reply) {
        return Attributes.text(reply, "Reply-Message");
    }

    private static Optional<Inet4Address> ipv4(Octets v) {
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(v.toArray()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
