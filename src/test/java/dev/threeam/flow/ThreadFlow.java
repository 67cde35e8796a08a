package dev.threeam.flow;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.threeam.common.Json;
import dev.threeam.sandbox.SandboxCall;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.store.Outbox;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.Payloads;
import dev.threeam.testing.RunningApp;
import dev.threeam.testing.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real 3am against a fake Slack whose S0HELPDESK group holds U0ONCALL, with helpers that read a thread the
 * way a person in Slack would and press its buttons with signed payloads. Subclasses add settings.
 */
public abstract class ThreadFlow {

    public static final String SUPPORT = "C0SUPPORTCHAT";
    public static final String ONCALL = "U0ONCALL";
    public static final String REVIEWER = "U0REVIEW2";
    public static final String OUTSIDER = "U0STRANGER";

    @RegisterExtension
    final RunningApp running = RunningApp.withUserGroups(Map.of("S0HELPDESK", List.of(ONCALL), "S0APPSEC", List.of("U0SEC1")))
            .before((settings, folder) -> {
                dir = folder;
                try {
                    prepare(settings);
                } catch (org.opentest4j.TestAbortedException skipped) {
                    throw skipped; // an assumption (no PostgreSQL, no binary) skips the test
                } catch (Exception e) {
                    throw new IllegalStateException("preparing the app: " + e.getMessage(), e);
                }
            });
    protected Path dir;
    protected FakeSlack slack;
    protected TestApp app;

    @BeforeEach
    void reachTheApp() {
        slack = running.slack();
        app = running.app();
    }

    /** Adds settings or edits the runbooks copy ({@code TestApp.runbooks(dir)}) before the app starts. */
    protected void prepare(Map<String, String> settings) throws Exception {}

    protected static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50));
    }

    // ---- sending

    /** A generic alert for support-chat, through its alias; returns the incident id once its thread is posted. */
    protected String fire(String failureType, String title) {
        String alert = Json.write(Map.of("workflow", "helpdesk-bot", "title", title, "failure_type", failureType,
                "severity", "critical", "fingerprint", "fp-" + title.hashCode()));
        return fireRaw(alert);
    }

    protected String fireRaw(String json) {
        HttpResponse<String> response = app.post("/alerts", json);
        if (response.statusCode() != 202) {
            throw new AssertionError("alert refused: " + response.statusCode() + " " + response.body());
        }
        String id = json(response).get("incidents").get(0).asText();
        eventually().until(() -> ts(id) != null && replies(id).size() >= 7);
        settled();
        return id;
    }

    protected void change(String kind, String summary, String from, String to, String author) {
        Map<String, Object> change = new java.util.LinkedHashMap<>(Map.of("workflow", "support-chat", "kind", kind, "summary", summary,
                "author", author));
        if (from != null) {
            change.put("from", from);
        }
        if (to != null) {
            change.put("to", to);
        }
        HttpResponse<String> response = app.post("/changes", Json.write(change));
        if (response.statusCode() != 201) {
            throw new AssertionError("change refused: " + response.statusCode() + " " + response.body());
        }
    }

    /** Presses a button of the message whose actions block is {@code blockId} ({@code card}, {@code q1} … {@code q5}, {@code retry}). */
    protected HttpResponse<String> press(String user, String incidentId, String blockId, String actionId) {
        SandboxMessage message = messageWithBlock(incidentId, blockId)
                .orElseThrow(() -> new AssertionError("no message of " + incidentId + " has block " + blockId));
        JsonNode button = button(message, actionId);
        String threadTs = message.isReply() ? message.threadTs() : null;
        String payload = Payloads.buttonPress(user, message.channel(), message.ts(), threadTs, blockId, actionId,
                button.path("value").asText(), button.path("text").path("text").asText());
        return app.interaction(withFreshTrigger(payload, user));
    }

    /** Presses a button as drawn earlier on the card (a stale card, a second window): the value is {@code <id>|<value>}. */
    protected HttpResponse<String> pressOnCard(String user, String incidentId, String actionId, String value) {
        String payload = Payloads.buttonPress(user, channel(incidentId), ts(incidentId), null, "card", actionId, incidentId + "|" + value, actionId);
        return app.interaction(withFreshTrigger(payload, user));
    }

    /** A trigger id the fake Slack issued, so views.open accepts it as Slack would. */
    private String withFreshTrigger(String payload, String user) {
        ObjectNode json = (ObjectNode) read(payload);
        json.put("trigger_id", slack.workspace().views().issueTrigger(user));
        return json.toString();
    }

    protected String command(String user, String channel, String text) {
        HttpResponse<String> response = app.command(user, channel, text);
        if (response.statusCode() != 200) {
            throw new AssertionError("slash command answered " + response.statusCode() + " " + response.body());
        }
        settled();
        return response.body().isBlank() ? "" : read(response.body()).path("text").asText();
    }

    /** Waits until the outbox has nothing left to do. */
    protected void settled() {
        Outbox outbox = new Outbox(app.app().database(), java.time.Duration.ZERO);
        eventually().until(() -> outbox.pending() == 0);
    }

    // ---- reading Slack

    protected String ts(String incidentId) {
        return incident(incidentId).path("slack").path("ts").asText(null);
    }

    protected String channel(String incidentId) {
        return incident(incidentId).path("slack").path("channel").asText();
    }

    protected SandboxMessage card(String incidentId) {
        String ts = ts(incidentId);
        return slack.topLevel(channel(incidentId)).stream().filter(message -> message.ts().equals(ts)).findFirst().orElseThrow();
    }

    protected List<SandboxMessage> replies(String incidentId) {
        String ts = ts(incidentId);
        return ts == null ? List.of() : slack.replies(channel(incidentId), ts);
    }

    protected Optional<SandboxMessage> messageWithBlock(String incidentId, String blockId) {
        List<SandboxMessage> thread = new ArrayList<>();
        thread.add(card(incidentId));
        thread.addAll(replies(incidentId));
        return thread.stream().filter(message -> blockIds(message).contains(blockId)).reduce((first, second) -> second);
    }

    protected static List<String> blockIds(SandboxMessage message) {
        return blocks(message).stream().map(block -> block.path("block_id").asText("")).toList();
    }

    protected static List<JsonNode> blocks(SandboxMessage message) {
        return message.blocks() == null ? List.of() : StreamSupport.stream(message.blocks().spliterator(), false).toList();
    }

    /** Every text of a message (text, blocks' texts, fields, button labels) joined, as a reader sees it. */
    protected static String allText(SandboxMessage message) {
        StringBuilder text = new StringBuilder(message.text() == null ? "" : message.text()).append('\n');
        collectText(message.blocks(), text);
        return text.toString();
    }

    protected static void collectText(JsonNode node, StringBuilder into) {
        if (node == null) {
            return;
        }
        if (node.isObject() && node.path("text").isTextual()) {
            into.append(node.get("text").asText()).append('\n');
        }
        node.forEach(child -> collectText(child, into));
    }

    protected static JsonNode button(SandboxMessage message, String actionId) {
        for (JsonNode block : blocks(message)) {
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText())) {
                    return element;
                }
            }
        }
        throw new AssertionError("no button " + actionId + " in " + message.text());
    }

    protected static List<String> actionIds(SandboxMessage message) {
        List<String> ids = new ArrayList<>();
        for (JsonNode block : blocks(message)) {
            block.path("elements").forEach(element -> {
                if (element.has("action_id")) {
                    ids.add(element.get("action_id").asText());
                }
            });
        }
        return ids;
    }

    /** What chat.postEphemeral said to this user, in order. */
    protected List<String> privately(String user) {
        return slack.calls("chat.postEphemeral").stream().filter(call -> user.equals(call.param("user")))
                .map(call -> call.param("text")).toList();
    }

    protected List<SandboxCall> posts() {
        return slack.calls("chat.postMessage");
    }

    // ---- reading the API

    protected JsonNode incident(String id) {
        HttpResponse<String> response = app.get("/api/incidents/" + id);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /api/incidents/" + id + " answered " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    protected List<String> timeline(String id) {
        return StreamSupport.stream(incident(id).get("timeline").spliterator(), false).map(entry -> entry.get("text").asText()).toList();
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return read(response.body());
    }

    protected static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
