package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.threeam.testing.RealAlertmanager;
import dev.threeam.testing.TestApp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The answer to a silence's create is lost after Alertmanager made it (the process died before recording the id, or
 * the answer never arrived): the retry finds that silence by its matchers, creator and comment, and adopts it instead
 * of making a second one. A real Alertmanager behind a small proxy that forwards the first create and answers 503.
 */
class SilenceLostAnswerTest extends ThreadFlow {

    private final int alertmanagerPort = RealAlertmanager.freePort();
    private RealAlertmanager alertmanager;
    private HttpServer proxy;
    private final AtomicBoolean loseNextCreate = new AtomicBoolean(true);
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected void prepare(Map<String, String> settings) throws IOException {
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", this::forward);
        proxy.start();
        settings.put("ALERTMANAGER_URL", "http://127.0.0.1:" + proxy.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (alertmanager != null) {
            alertmanager.close();
        }
        proxy.stop(0);
    }

    /** Forwards to Alertmanager; the first create is made there, but its answer is replaced by a 503. */
    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + alertmanagerPort + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (exchange.getRequestHeaders().getFirst("Content-Type") != null) {
            request.header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"));
        }
        int status;
        byte[] answer;
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            answer = response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getPath().equals("/api/v2/silences")
                && loseNextCreate.getAndSet(false)) {
            status = 503;
            answer = "the answer was lost".getBytes(StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    @Test
    void a_create_whose_answer_was_lost_is_adopted_on_the_retry_and_alertmanager_holds_one_silence() throws Exception {
        Assumptions.assumeTrue(RealAlertmanager.binary().isPresent(),
                "prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager; .ci/run does): skipping");
        alertmanager = RealAlertmanager.start(alertmanagerPort, dir, app.url("/alerts/alertmanager"), TestApp.TOKEN);
        alertmanager.fire(Map.of("alertname", "ChatLatencyHigh", "workflow", "helpdesk-bot", "severity", "critical"),
                "p95 latency 9.4 s > 4 s on chat");
        eventually().until(() -> json(app.get("/api/incidents")).size() == 1);
        String id = json(app.get("/api/incidents")).get(0).get("id").asText();
        eventually().until(() -> ts(id) != null && replies(id).size() >= 7);
        settled();

        SilenceAtTheSourceTest.chooseValue(this, ONCALL, "oncall.person", id, id + "|2h");
        eventually().until(() -> replies(id).stream().anyMatch(reply -> reply.text().contains("Alertmanager silence created until")));
        settled();

        assertThat(loseNextCreate).as("the first create's answer was lost").isFalse();
        JsonNode silences = alertmanager.silences();
        assertThat(silences).as("one silence, not one per try").hasSize(1);
        String silenceId = silences.get(0).path("id").asText();
        assertThat(silences.get(0).path("status").path("state").asText()).isEqualTo("active");
        assertThat(silences.get(0).path("comment").asText()).contains(id);
        assertThat(replies(id)).anySatisfy(reply -> assertThat(reply.text()).contains("Alertmanager silence created until").contains(silenceId));

        press(ONCALL, id, "card", "resolve");
        settled();
        eventually().untilAsserted(() -> assertThat(alertmanager.silences()).singleElement()
                .satisfies(silence -> assertThat(silence.path("status").path("state").asText()).isEqualTo("expired")));
    }
}
