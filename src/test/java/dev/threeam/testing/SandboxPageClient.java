package dev.threeam.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the sandbox page's script does, over HTTP: reads the page token from {@code GET /sandbox} and POSTs JSON with
 * it and the page's own {@code Origin}, as a browser on the page would.
 */
public final class SandboxPageClient {

    public static final String TOKEN_HEADER = "X-Sandbox-Token";
    private static final Pattern TOKEN = Pattern.compile("<meta name=\"sandbox-token\" content=\"([0-9a-f]+)\">");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    /** @param base the server, e.g. {@code http://127.0.0.1:3000} */
    public SandboxPageClient(String base) {
        this.base = base;
    }

    /** The token the page carries (read once). */
    public String token() {
        if (token == null) {
            Matcher found = TOKEN.matcher(get("/sandbox").body());
            if (!found.find()) {
                throw new IllegalStateException("the sandbox page carries no token");
            }
            token = found.group(1);
        }
        return token;
    }

    /** A POST as the page makes it. */
    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").header(TOKEN_HEADER, token())
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** A request to {@code path} on this server, for tests that send what the page would not. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
