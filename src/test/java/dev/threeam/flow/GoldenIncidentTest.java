package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.testing.Payloads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One incident played from its alert to its resolution, and everything a person could read of it afterwards: the
 * card and every reply as they finally stand in Slack, what was said privately, the direct messages, the API JSON and
 * the postmortem draft. Timestamps, Slack ts values and durations are normalised; the rest must match
 * {@code src/test/resources/golden/incident-thread.json} exactly.
 *
 * <p>Recorded before the incident core was redesigned, so the redesign can prove it changed no behaviour. A change
 * that alters a message on purpose re-records it ({@code mvn -Dgolden.record=true -Dtest=GoldenIncidentTest test})
 * in the same commit, so the diff shows what a reader will see differently.
 */
class GoldenIncidentTest extends ThreadFlow {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/incident-thread.json");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z| UTC)?");
    private static final Pattern SLACK_TS = Pattern.compile("\\b\\d{10}\\.\\d{6}\\b");
    private static final Pattern DURATION = Pattern.compile("(?<![0-9.])\\d+ (s|min|h)\\b");
    private static final Pattern CLOCK_TIME = Pattern.compile(
            "((Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{1,2} |\\d{4}-\\d{2}-\\d{2} )?\\d{2}:\\d{2} UTC");
    private static final Pattern TEMP_DIR = Pattern.compile("/tmp/(junit|threeam-test)-?\\d+");
    private static final Pattern GENERATED_ID = Pattern.compile("[A-Za-z0-9]{4,5}");

    private final RecordingServer pagerDuty = new RecordingServer(202, "{\"status\":\"success\",\"message\":\"Event processed\"}");

    @Override
    protected void prepare(Map<String, String> settings) {
        settings.put("PAGERDUTY_EVENTS_URL", pagerDuty.url("/v2/enqueue"));
    }

    @AfterEach
    void stopPagerDuty() {
        pagerDuty.close();
    }

    @Test
    void an_incident_played_from_alert_to_resolution_reads_exactly_as_recorded() throws Exception {
        change("retrieval_index", "helpcenter index rebuilt with the new chunker", "v17", "v18", "dana");
        change("prompt", "Prompt v42: shorter refusals", "v41", "v42", "eli");
        String id = fireRaw("""
                {"workflow":"helpdesk-bot","title":"Helpfulness 0.61 < 0.75 on sampled chats","failure_type":"quality_drift",
                 "severity":"critical","group_key":"helpfulness","fingerprint":"golden-1","labels":{"metric":"helpfulness"},
                 "value":0.61,"threshold":0.75}""");
        app.post("/alerts", """
                {"workflow":"helpdesk-bot","title":"Citation hit rate 0.72 < 0.90","severity":"warning","group_key":"helpfulness",
                 "fingerprint":"golden-2","labels":{"metric":"citation_hit_rate"}}""");
        settled();

        press(ONCALL, id, "card", "ack");
        settled();
        pressOnCard(OUTSIDER, id, "ack", "ack");
        settled();
        press(ONCALL, id, "q1", "q1_retrieval_failure");
        settled();
        press(ONCALL, id, "q2", buttonIdStartingWith(id, "q2", "q2_"));
        settled();
        press(OUTSIDER, id, "q3", "rollback_previous-retriever");
        settled();
        press(ONCALL, id, "q3", "rollback_previous-retriever");
        settled();
        press(ONCALL, id, "q4", "q4_yes");
        settled();
        eventually().until(() -> pagerDuty.received().size() == 1);
        press(ONCALL, id, "card", "resolve");
        settled();
        press(REVIEWER, id, "card", "approve_resume");
        settled();
        press(ONCALL, id, "q5", "q5_backlog");
        settled();
        app.interaction(Payloads.viewSubmission(ONCALL, "q5_examples", id + "|backlog", "examples", "text", "trace-42\ntrace-43"));
        settled();
        press(ONCALL, id, "card", "mitigate");
        settled();
        app.post("/alerts", """
                {"workflow":"helpdesk-bot","title":"Helpfulness 0.61 < 0.75 on sampled chats","status":"resolved",
                 "group_key":"helpfulness","fingerprint":"golden-1"}""");
        settled();
        press(ONCALL, id, "card", "resolve");
        settled();

        String actual = normalise(record(id));
        if (Boolean.getBoolean("golden.record") || !Files.exists(GOLDEN)) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        if (!actual.equals(expected)) {
            Path got = Path.of("target/golden/incident-thread.actual.json");
            Files.createDirectories(got.getParent());
            Files.writeString(got, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("diff %s %s", GOLDEN, "target/golden/incident-thread.actual.json").isEqualTo(expected);
    }

    private String buttonIdStartingWith(String incidentId, String blockId, String prefix) {
        return actionIds(messageWithBlock(incidentId, blockId).orElseThrow()).stream()
                .filter(actionId -> actionId.startsWith(prefix) && !actionId.endsWith("_none")).findFirst().orElseThrow();
    }

    /** Everything a reader can see of the incident, as JSON. */
    private String record(String id) throws Exception {
        ObjectNode golden = JsonNodeFactory.instance.objectNode();
        golden.set("card", message(card(id)));
        ArrayNode thread = golden.putArray("thread");
        replies(id).forEach(reply -> thread.add(message(reply)));
        ArrayNode privately = golden.putArray("ephemerals");
        slack.calls("chat.postEphemeral").forEach(call -> privately.addObject()
                .put("user", call.param("user")).put("text", call.param("text")));
        ArrayNode direct = golden.putArray("direct_messages");
        slack.workspace().channels().stream().filter(channel -> channel.id().startsWith("D"))
                .forEach(channel -> slack.workspace().messages(channel.id()).forEach(message -> direct.add(message(message))));
        ArrayNode modals = golden.putArray("views_opened");
        slack.calls("views.open").forEach(call -> modals.add(read(call.param("view"))));
        JsonNode incident = incident(id);
        golden.set("incident", incident);
        golden.put("postmortem", app.get("/api/incidents/" + id + "/postmortem.md").body());
        golden.set("pagerduty", JsonNodeFactory.instance.arrayNode().addAll(pagerDuty.received().stream()
                .map(request -> read(request.body())).toList()));
        return golden.toPrettyString() + "\n";
    }

    private static ObjectNode message(SandboxMessage message) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("text", message.text());
        node.set("blocks", message.blocks());
        node.set("metadata_event", message.metadata() == null ? null : message.metadata().path("event_type"));
        return node;
    }

    /** Times, Slack ts values, durations and ids Slack generated are replaced by stable placeholders. */
    private static String normalise(String json) {
        JsonNode tree = sorted(read(json));
        scrub(tree);
        String text = tree.toPrettyString() + "\n";
        Map<String, String> seen = new LinkedHashMap<>();
        Matcher ts = SLACK_TS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (ts.find()) {
            ts.appendReplacement(out, seen.computeIfAbsent(ts.group(), key -> "<ts" + (seen.size() + 1) + ">"));
        }
        ts.appendTail(out);
        String timeless = CLOCK_TIME.matcher(ISO_TIME.matcher(out.toString()).replaceAll("<time>")).replaceAll("<time>");
        return TEMP_DIR.matcher(DURATION.matcher(timeless).replaceAll("<n> $1")).replaceAll("<tmp>");
    }

    /** The same tree with every object's fields in name order (maps have no order of their own). */
    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            java.util.List<String> names = new java.util.ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            java.util.Collections.sort(names);
            names.forEach(name -> copy.set(name, sorted(object.get(name))));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static void scrub(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode blockId = object.get("block_id");
            if (blockId != null && blockId.isTextual() && GENERATED_ID.matcher(blockId.asText()).matches()
                    && !java.util.Set.of("card", "retry").contains(blockId.asText())) {
                object.set("block_id", TextNode.valueOf("<generated>"));
            }
            for (String field : new String[] {"at", "first_at", "last_at", "opened_at", "resolved_at", "timestamp"}) {
                if (object.hasNonNull(field) && object.get(field).isNumber()) {
                    object.set(field, TextNode.valueOf("<time>"));
                }
            }
            if (object.has("outbox_id")) {
                object.set("outbox_id", TextNode.valueOf("<outbox>"));
            }
            object.forEach(GoldenIncidentTest::scrub);
        } else if (node instanceof ArrayNode array) {
            array.forEach(GoldenIncidentTest::scrub);
        }
    }
}
