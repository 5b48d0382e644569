package net.vpdn.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Test helper: plain HTTP/1.1 calls against a running {@link AdminServer}. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    public static HttpResponse<String> call(AdminServer server, String method, String path, String token) {
        try {
            return CLIENT.send(request(server, method, path, token), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static CompletableFuture<HttpResponse<String>> callAsync(AdminServer server, String method, String path, String token) {
        return CLIENT.sendAsync(request(server, method, path, token), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(AdminServer server, String method, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.uri() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }
}
