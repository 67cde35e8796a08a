package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.BadInputException;
import dev.threeam.common.Json;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Simulate a cost spike" (a latency spike, a quality drop): streams synthetic OTLP for the sample workflow into the
 * bot's own receiver ({@code /v1/metrics}, {@code /v1/logs}), one export every {@link #EVERY}, until the breach has
 * opened its incident or {@link #AT_MOST} has passed. The bot evaluates it as it would any telemetry: the incident
 * opens after the runbook's {@code for:} (the sample runbook sets 20 s), with its chart.
 */
final class SignalSpikes {

    static final String PATH = "/sandbox/simulate";
    static final Duration EVERY = Duration.ofSeconds(2);
    static final Duration AT_MOST = Duration.ofMinutes(3);
    private static final Logger LOG = LoggerFactory.getLogger(SignalSpikes.class);

    private final String baseUrl;
    private final String token;
    private final RunbookRegistry runbooks;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<SignalSpike> streaming = ConcurrentHashMap.newKeySet();

    SignalSpikes(String baseUrl, String token, RunbookRegistry runbooks, Clock clock) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.runbooks = runbooks;
        this.clock = clock;
    }

    /** Starts the stream in the background; what to tell the person who pressed. */
    String start(String signal) {
        SignalSpike spike = SignalSpike.of(signal);
        Runbook runbook = runbooks.find("support-chat").or(() -> runbooks.all().stream().findFirst())
                .orElseThrow(() -> new BadInputException("no runbook is loaded: add one to RUNBOOKS_DIR to simulate telemetry"));
        String threshold = spike.threshold(runbook);
        if (!streaming.add(spike)) {
            return "Already streaming " + spike.words + " for " + runbook.workflow() + ".";
        }
        Set<String> before = openIncidents(runbook.workflow(), spike);
        Thread thread = new Thread(() -> stream(spike, runbook, before), "sandbox-" + spike.id + "-spike");
        thread.setDaemon(true);
        thread.start();
        return "Streaming " + spike.words + " for " + runbook.workflow() + " into " + spike.path + " until " + threshold
                + " breaches: its incident opens in about half a minute, in the runbook's channel.";
    }

    private void stream(SignalSpike spike, Runbook runbook, Set<String> before) {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                post(spike.path, Json.write(spike.body(runbook, clock.instant())));
                Set<String> now = openIncidents(runbook.workflow(), spike);
                now.removeAll(before);
                if (!now.isEmpty()) {
                    LOG.info("sandbox: {} for {} opened {}", spike.words, runbook.workflow(), now);
                    return;
                }
                Thread.sleep(EVERY.toMillis());
            }
            LOG.info("sandbox: {} for {} streamed for {} without opening an incident (is the threshold already in breach?)",
                    spike.words, runbook.workflow(), AT_MOST);
        } catch (IOException | RuntimeException e) {
            LOG.warn("sandbox: {} stopped: {}", spike.words, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streaming.remove(spike);
        }
    }

    /** Open incidents of the workflow with the spike's failure type, by id. */
    private Set<String> openIncidents(String workflow, SignalSpike spike) {
        Set<String> ids = new HashSet<>();
        try {
            JsonNode incidents = Json.mapper().readTree(get("/api/incidents?status=open"));
            for (JsonNode incident : incidents) {
                if (workflow.equals(incident.path("workflow").asText()) && spike.failureType.equals(incident.path("failure_type").asText())) {
                    ids.add(incident.path("id").asText());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ids;
    }

    private void post(String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private String get(String path) throws IOException {
        try {
            HttpResponse<String> response = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    /**
     * {@code POST /sandbox/simulate {"signal":"cost"}}: behind the page's same-origin guard like every POST under
     * /sandbox; answers {@code {"ok":true,"message":"Streaming …"}}, 400 for an unknown signal or a runbook that writes
     * no such threshold, 502 when the bot's own API cannot be reached.
     */
    void addRoutes(RoutesConfig routes) {
        routes.post(PATH, ctx -> {
            try {
                JsonNode body = Json.mapper().readTree(ctx.body().isBlank() ? "{}" : ctx.body());
                answer(ctx, 200, SlackJson.ok().put("message", start(body.path("signal").asText(""))));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                answer(ctx, 400, SlackJson.object().put("ok", false).put("error", "body: not JSON: " + e.getOriginalMessage()));
            } catch (BadInputException e) {
                answer(ctx, 400, SlackJson.object().put("ok", false).put("error", e.getMessage()));
            } catch (java.io.UncheckedIOException e) {
                answer(ctx, 502, SlackJson.object().put("ok", false).put("error", "the bot's API did not answer: " + e.getCause().getMessage()));
            }
        });
    }

    private static void answer(Context ctx, int status, ObjectNode json) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(json));
    }
}
