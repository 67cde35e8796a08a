package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import dev.threeam.testing.ChildApp;
import dev.threeam.testing.MachineAddresses;
import dev.threeam.testing.SandboxPageClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sandbox mode is a demo, never a door. The real 3am in its own JVM, in sandbox mode, with every provider setting
 * pointing at a recording fake: pressing every rollback, Q4 yes and Rerun eval on the page calls none of them (the
 * thread shows each would-be call) unless {@code SANDBOX_REAL_CALLS=true}, and then exactly the expected calls are
 * made and every message about them says REAL. It listens on loopback only, and a press without the page token or
 * from another origin is refused with 403 and changes nothing.
 */
class SandboxNoDoorTest {

    private static final String ON_CALL = "U0ONCALL";
    private static final List<String> ROLLBACKS = List.of("unleash-off", "launchdarkly-off", "index-back", "route-back");
    private static final String FLAGS = """
            {
              "flags": {
                "demo.route": {
                  "state": "ENABLED",
                  "variants": {"current": "model-b", "previous": "model-a"},
                  "defaultVariant": "current"
                }
              }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void in_sandbox_mode_every_rollback_q4_yes_and_rerun_eval_call_nothing_and_the_thread_shows_each_would_be_call()
            throws Exception {
        try (RecordingServer providers = new RecordingServer(202, "{\"status\":\"success\"}");
                ChildApp app = start(providers, false)) {
            assertThat(app.log()).contains("listening on 127.0.0.1:").contains("no real calls");
            assertLoopbackOnly(app);
            SandboxPageClient page = new SandboxPageClient(app.url(""));

            IncidentThread thread = openIncident(app, page);
            pressEverything(page, thread);

            List<String> notices = await().atMost(Duration.ofSeconds(60)).until(() -> replies(page, thread),
                    texts -> count(texts, "would roll back") == 3 && count(texts, "would page") == 2
                            && count(texts, "would rerun the eval") == 1 && count(texts, "sandbox copy") >= 1);
            assertThat(providers.received()).as("calls that reached the providers").isEmpty();
            assertThat(notices).noneMatch(text -> text.contains("*REAL*"));
            assertThat(String.join("\n", notices)).contains("Unleash: turn OFF feature demo-feature in production",
                    "LaunchDarkly: turn OFF flag demo-flag in production", "Webhook: POST " + providers.url("/rollback"),
                    "PagerDuty: POST " + providers.url("/v2/enqueue"), "Opsgenie: POST " + providers.url("/v2/alerts"),
                    "POST " + providers.url("/eval"), "SANDBOX_REAL_CALLS=true makes real calls");
            assertThat(Files.readString(dir.resolve("runbooks/flags/flags.json"))).isEqualTo(FLAGS);
            assertThat(Files.readString(dir.resolve("work/sandbox-flags/flags/flags.json"))).contains("\"defaultVariant\": \"previous\"");

            assertForeignPressesAreRefusedAndChangeNothing(app, page, thread);
            assertThat(providers.received()).isEmpty();
        }
    }

    @Test
    void with_sandbox_real_calls_the_same_presses_make_exactly_the_expected_calls_and_every_message_says_real() throws Exception {
        try (RecordingServer providers = new RecordingServer(202, "{\"status\":\"success\"}");
                ChildApp app = start(providers, true)) {
            assertThat(app.log()).contains("listening on 127.0.0.1:").contains("REAL calls");
            SandboxPageClient page = new SandboxPageClient(app.url(""));

            IncidentThread thread = openIncident(app, page);
            pressEverything(page, thread);

            List<String> notices = await().atMost(Duration.ofSeconds(60)).until(() -> replies(page, thread),
                    texts -> count(texts, "REAL* call from sandbox mode") == 7);
            assertThat(providers.received()).extracting(call -> call.method() + " " + call.path()).containsExactlyInAnyOrder(
                    "POST /api/admin/projects/default/features/demo-feature/environments/production/off",
                    "PATCH /api/v2/flags/default/demo-flag",
                    "POST /rollback",
                    "POST /v2/enqueue",
                    "POST /v2/alerts",
                    "POST /eval");
            assertThat(notices).noneMatch(text -> text.contains("would roll back") || text.contains("would page"));
            assertThat(Files.readString(dir.resolve("runbooks/flags/flags.json"))).contains("\"defaultVariant\": \"previous\"");
            assertThat(dir.resolve("work/sandbox-flags")).doesNotExist();
        }
    }

    /** Where the incident's thread is: its channel and the ts of its root (the card). */
    private record IncidentThread(String channel, String ts) {}

    private ChildApp start(RecordingServer providers, boolean realCalls) throws IOException {
        Path runbooks = dir.resolve("runbooks");
        Files.createDirectories(runbooks.resolve("flags"));
        Files.writeString(runbooks.resolve("flags/flags.json"), FLAGS);
        Files.writeString(runbooks.resolve("demo-chat.md"), """
                ---
                workflow: demo-chat
                title: Demo chat, with every kind of call outside 3am
                channel: C0DEMO
                owners:
                  engineering: {slack: [S0DEMO], pagerduty: "${PD_KEY_DEMO}"}
                  security:    {slack: [S0DEMOSEC], opsgenie: demo-appsec}
                  reviewer:    {slack: [U0DEMOREVIEW]}
                escalation:
                  retrieval_failure: [engineering, security]
                  unclassified: [engineering]
                eval: {webhook: "${DEMO_EVAL_URL}"}
                rollbacks:
                  - {id: unleash-off, label: Feature off in Unleash, kind: feature_flag, for: [retrieval_failure],
                     unleash: {project: default, feature: demo-feature, environment: production, action: "off"}}
                  - {id: launchdarkly-off, label: Flag off in LaunchDarkly, kind: feature_flag, for: [retrieval_failure],
                     launchdarkly: {project: default, flag: demo-flag, environment: production}}
                  - {id: index-back, label: Previous index, kind: retrieval_index, for: [retrieval_failure],
                     webhook: {url: "${DEMO_ROLLBACK_URL}", method: POST, body: {target: previous}}}
                  - {id: route-back, label: Previous model, kind: model_route, for: [retrieval_failure],
                     flagd: {file: flags/flags.json, flag: demo.route, variant: previous}}
                ---
                # Demo chat

                ## Retrieval failure
                - Answer from the previous index while the new one is checked.
                """);
        Path work = Files.createDirectories(dir.resolve("work"));
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("sandbox.db"));
        env.put("RUNBOOKS_DIR", runbooks.toString());
        env.put("CARD_UPDATE_INTERVAL", "0s");
        env.put("PAGERDUTY_EVENTS_URL", providers.url("/v2/enqueue"));
        env.put("PD_KEY_DEMO", "pd-routing-key-demo");
        env.put("OPSGENIE_API_URL", providers.url(""));
        env.put("OPSGENIE_API_KEY", "genie-key");
        env.put("UNLEASH_URL", providers.url(""));
        env.put("UNLEASH_API_TOKEN", "unleash-admin-token");
        env.put("LAUNCHDARKLY_API_URL", providers.url(""));
        env.put("LAUNCHDARKLY_API_TOKEN", "ld-token");
        env.put("DEMO_ROLLBACK_URL", providers.url("/rollback"));
        env.put("DEMO_EVAL_URL", providers.url("/eval"));
        env.put("SLACK_API_URL", providers.url("/slack/")); // sandbox mode keeps Slack to its own workspace all the same
        env.put("ALERTMANAGER_URL", providers.url("/alertmanager")); // silences are still to come: they must not call either
        if (realCalls) {
            env.put("SANDBOX_REAL_CALLS", "true");
        }
        return ChildApp.start(env, dir.resolve(realCalls ? "real.log" : "shown.log"), work);
    }

    /** Checked from outside the process: nothing answers on this machine's other addresses (when it has one). */
    private static void assertLoopbackOnly(ChildApp app) throws IOException {
        int port = URI.create(app.url("/")).getPort();
        MachineAddresses.connect(InetAddress.getLoopbackAddress(), port);
        Optional<InetAddress> other = MachineAddresses.findNonLoopback();
        if (other.isPresent()) {
            assertThatThrownBy(() -> MachineAddresses.connect(other.get(), port)).as("reached on " + other.get().getHostAddress())
                    .isInstanceOf(IOException.class);
        }
    }

    private static IncidentThread openIncident(ChildApp app, SandboxPageClient page) throws Exception {
        HttpResponse<String> alert = app.send(HttpRequest.newBuilder(URI.create(app.url("/alerts")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"workflow\":\"demo-chat\",\"title\":\"Recall@5 0.41 < 0.70\",\"severity\":\"critical\","
                                + "\"failure_type\":\"retrieval_failure\"}")).build());
        assertThat(alert.statusCode()).as(alert.body()).isEqualTo(202);
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode channel = channel(page, "C0DEMO");
            if (channel == null || channel.path("messages").isEmpty()) {
                return null;
            }
            JsonNode root = channel.path("messages").get(0);
            boolean ready = button(root, "rerun_eval").isPresent()
                    && StreamSupport.stream(root.path("replies").spliterator(), false).anyMatch(reply -> button(reply, "q4_yes").isPresent());
            return ready ? new IncidentThread("C0DEMO", root.path("ts").asText()) : null;
        }, found -> found != null);
    }

    private static void pressEverything(SandboxPageClient page, IncidentThread thread) throws Exception {
        for (String rollback : ROLLBACKS) {
            press(page, thread, "rollback_" + rollback);
        }
        press(page, thread, "q4_yes");
        press(page, thread, "rerun_eval");
    }

    /** Presses the button with this action id on the thread's root or a reply, as the on-call, through the page. */
    private static void press(SandboxPageClient page, IncidentThread thread, String actionId) throws Exception {
        JsonNode root = root(page, thread);
        List<JsonNode> messages = new ArrayList<>(List.of(root));
        root.path("replies").forEach(messages::add);
        for (JsonNode message : messages) {
            Optional<String> block = button(message, actionId);
            if (block.isPresent()) {
                HttpResponse<String> pressed = page.post("/sandbox/actions", Json.write(Map.of("as", ON_CALL, "container", "message",
                        "channel", thread.channel(), "ts", message.path("ts").asText(), "block_id", block.get(), "action_id", actionId)));
                assertThat(pressed.statusCode()).as(actionId + ": " + pressed.body()).isEqualTo(200);
                assertThat(Json.mapper().readTree(pressed.body()).path("ok").asBoolean()).as(actionId + ": " + pressed.body()).isTrue();
                return;
            }
        }
        throw new AssertionError("no button " + actionId + " in the thread");
    }

    private static void assertForeignPressesAreRefusedAndChangeNothing(ChildApp app, SandboxPageClient page, IncidentThread thread)
            throws Exception {
        String incidentBefore = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/incidents/INC-1"))).build()).body();
        JsonNode root = root(page, thread);
        String press = Json.write(Map.of("as", ON_CALL, "container", "message", "channel", thread.channel(),
                "ts", root.path("ts").asText(), "block_id", button(root, "ack").orElseThrow(), "action_id", "ack"));

        HttpResponse<String> withoutToken = page.send(page.request("/sandbox/actions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(press)).build());
        HttpResponse<String> foreignOrigin = page.send(page.request("/sandbox/actions").header("Content-Type", "application/json")
                .header(SandboxPageClient.TOKEN_HEADER, page.token()).header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(press)).build());
        HttpResponse<String> crossSite = page.send(page.request("/sandbox/actions").header("Content-Type", "application/json")
                .header(SandboxPageClient.TOKEN_HEADER, page.token()).header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString(press)).build());

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("X-Sandbox-Token");
        assertThat(foreignOrigin.statusCode()).isEqualTo(403);
        assertThat(foreignOrigin.body()).contains("Origin https://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        // a press that got through would have acknowledged INC-1 before its answer came back
        assertThat(app.send(HttpRequest.newBuilder(URI.create(app.url("/api/incidents/INC-1"))).build()).body()).isEqualTo(incidentBefore);

        HttpResponse<String> served = page.get("/sandbox");
        assertThat(served.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(served.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    private static List<String> replies(SandboxPageClient page, IncidentThread thread) throws IOException {
        List<String> texts = new ArrayList<>();
        root(page, thread).path("replies").forEach(reply -> texts.add(reply.path("text").asText()));
        return texts;
    }

    private static JsonNode root(SandboxPageClient page, IncidentThread thread) throws IOException {
        for (JsonNode message : channel(page, thread.channel()).path("messages")) {
            if (message.path("ts").asText().equals(thread.ts())) {
                return message;
            }
        }
        throw new AssertionError("no thread " + thread.ts());
    }

    private static JsonNode channel(SandboxPageClient page, String id) throws IOException {
        JsonNode state = Json.mapper().readTree(page.get("/sandbox/state?as=" + ON_CALL).body());
        for (JsonNode channel : state.path("channels")) {
            if (channel.path("id").asText().equals(id)) {
                return channel;
            }
        }
        return null;
    }

    /** The block id of the actions block holding a button with this action id. */
    private static Optional<String> button(JsonNode message, String actionId) {
        for (JsonNode block : message.path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText())) {
                    return Optional.of(block.path("block_id").asText());
                }
            }
        }
        return Optional.empty();
    }

    private static long count(List<String> texts, String part) {
        return texts.stream().filter(text -> text.contains(part)).count();
    }
}
