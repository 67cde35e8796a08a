package dev.threeam.action;

import dev.threeam.common.Json;
import dev.threeam.common.ThreeAmException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The HTTP plumbing every adapter shares: one client, bounded timeouts, answers as {@link ProviderAnswer}. */
final class ProviderHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final HttpClient SHARED = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private ProviderHttp() {}

    /** The client adapters use unless a test gives them their own. */
    static HttpClient sharedClient() {
        return SHARED;
    }

    /** A request builder for {@code url} with the standard timeout; a malformed URL is a {@link ThreeAmException}. */
    static HttpRequest.Builder request(String url) {
        try {
            return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw new ThreeAmException("not a valid URL: " + url, e);
        }
    }

    static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(jsonText(body));
    }

    /** Maps and lists keep their keys exactly as given (snake_case naming applies to records only). */
    static String jsonText(Object body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new ThreeAmException("could not write request body as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Sends and returns the answer; {@link IOException} means the service was not reached or did not answer. */
    static ProviderAnswer send(HttpClient client, HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new ProviderAnswer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + request.uri(), e);
        }
    }

    /** Sends and returns the whole answer (a {@link ProviderAnswer} keeps only its start); {@link IOException} as {@link #send}. */
    static HttpResponse<String> sendForBody(HttpClient client, HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + request.uri(), e);
        }
    }

    /** One URL path segment, percent-encoded (spaces as {@code %20}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String withoutTrailingSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The failure text of an unreachable service: {@code Unleash not reached: Connection refused}. */
    static String notReached(String service, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return service + " not reached: " + reason;
    }
}
