package dev.threeam.sandbox;

import dev.threeam.common.ThreeAmException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** The bot's {@code POST /slack/events}, reached as Slack reaches it: signed, and given up on after three seconds. */
final class BotEndpoint {

    static final Duration SLACK_TIMEOUT = Duration.ofSeconds(3);

    /** What the bot answered: its HTTP status, content type and body (the ack). */
    record Answer(int status, String contentType, String body) {

        boolean ok() {
            return status / 100 == 2;
        }

        boolean isJson() {
            return contentType.startsWith("application/json") || body.stripLeading().startsWith("{");
        }
    }

    private final URI events;
    private final SlackRequestSigner signer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(SLACK_TIMEOUT).build();

    BotEndpoint(String botBaseUrl, SlackRequestSigner signer) {
        String base = botBaseUrl.endsWith("/") ? botBaseUrl.substring(0, botBaseUrl.length() - 1) : botBaseUrl;
        this.events = URI.create(base + "/slack/events");
        this.signer = signer;
    }

    Answer postForm(String body) {
        return post(body, "application/x-www-form-urlencoded");
    }

    Answer postJson(String body) {
        return post(body, "application/json");
    }

    private Answer post(String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(events)
                .timeout(SLACK_TIMEOUT)
                .header("Content-Type", contentType)
                .header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        signer.sign(body).forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("").toLowerCase(), response.body());
        } catch (HttpTimeoutException e) {
            throw new ThreeAmException("the bot did not answer " + events + " within 3 s (Slack gives up then too)", e);
        } catch (IOException e) {
            throw new ThreeAmException("cannot reach the bot at " + events + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ThreeAmException("interrupted while posting to " + events, e);
        }
    }
}
