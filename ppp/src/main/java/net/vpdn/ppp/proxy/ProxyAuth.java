package net.vpdn.ppp.proxy;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import net.vpdn.ppp.auth.AuthRequest;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.wire.Octets;

/**
 * The authentication a LAC performed, as the proxy authentication AVPs carry it (RFC 2661
 * §4.4.5, AVPs 29–33). For PAP the response is the cleartext password, so {@link #toString()}
 * never shows it.
 *
 * @param kind Proxy Authen Type
 * @param name Proxy Authen Name
 * @param challenge Proxy Authen Challenge (CHAP only, else empty)
 * @param identifier Proxy Authen ID (CHAP identifier; 0 for PAP)
 * @param response Proxy Authen Response (CHAP response value, or the PAP password)
 */
public record ProxyAuth(ProxyAuthKind kind, String name, Octets challenge, int identifier, Octets response) {
    public ProxyAuth {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(response, "response");
    }

    /** What the LAC exports after it authenticated the client with {@code request}. */
    public static Optional<ProxyAuth> from(AuthRequest request) {
        return switch (request) {
            case AuthRequest.Pap p -> Optional.of(new ProxyAuth(ProxyAuthKind.PAP, p.user(), Octets.EMPTY, 0,
                    Octets.of(p.password().utf8())));
            case AuthRequest.ChapMd5 c -> Optional.of(new ProxyAuth(ProxyAuthKind.CHAP, c.user(), c.challenge(),
                    c.identifier(), c.response()));
            case AuthRequest.MsChapV2 m -> Optional.empty();
        };
    }

    /** The request the LNS hands its verifier, without challenging the client again. */
    public Optional<AuthRequest> toRequest() {
        return switch (kind) {
            case PAP -> Optional.of(new AuthRequest.Pap(name, Secret.ofBytes(response.toArray())));
            case CHAP -> Optional.of(new AuthRequest.ChapMd5(name, identifier, challenge, response));
            case TEXTUAL, NONE, MSCHAP_V1 -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return "ProxyAuth[kind=" + kind + ", name=" + name + ", identifier=" + identifier + ", challenge="
                + challenge + ", response=(" + response.length() + " octets, redacted)]";
    }

    /** The name as the AVP carries it. */
    public Octets nameOctets() {
        return Octets.of(name.getBytes(StandardCharsets.UTF_8));
    }
}
