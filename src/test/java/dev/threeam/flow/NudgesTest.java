package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.common.Json;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.sandbox.SlackRequestSigner;
import dev.threeam.testing.Payloads;
import dev.threeam.testing.TestApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 22.3: a quiet incident gets one nudge per quiet period, naming whoever acknowledged it (else the owning role)
 * and the questions still unanswered; alerts joining do not count as acting; drills and resolved incidents get none.
 * Time is the test's clock: {@link dev.threeam.incident.Nudges#tick()} is called by hand, nothing sleeps.
 */
class NudgesTest extends ThreadFlow {

    private final ShiftedClock clock = new ShiftedClock();

    {
        running.clock(clock);
    }

    /**
     * The wall clock moved ahead by the test: time still runs (Slack pacing puts rows back for a moment), and a jump of
     * half an hour takes no time at all.
     */
    static final class ShiftedClock extends Clock {
        private volatile Duration shift = Duration.ZERO;

        void advance(Duration duration) {
            shift = shift.plus(duration);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Override
    protected void prepare(Map<String, String> settings) {
        settings.put("NUDGE_AFTER", "PT30M"); // ISO-8601 as well as 30m
    }

    private int tick() {
        int nudged = app.app().nudges().tick();
        settled();
        return nudged;
    }

    private List<SandboxMessage> nudges(String id) {
        return replies(id).stream().filter(reply -> reply.text().contains("Quiet for")).toList();
    }

    /** A press signed at the test clock's time, as Slack would sign it then. */
    private void pressAtClockTime(String user, String id, String blockId, String actionId) {
        SandboxMessage message = messageWithBlock(id, blockId).orElseThrow();
        var button = button(message, actionId);
        String payload = Payloads.buttonPress(user, message.channel(), message.ts(), message.isReply() ? message.threadTs() : null, blockId,
                actionId, button.path("value").asText(), button.path("text").path("text").asText());
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url("/slack/events")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        new SlackRequestSigner(TestApp.SIGNING_SECRET, clock).sign(body).forEach(request::header);
        HttpResponse<String> response = app.send(request.build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        settled();
    }

    @Test
    void a_quiet_incident_is_nudged_once_per_quiet_period_naming_who_acknowledged_it_and_the_open_questions() {
        String id = fire("latency_failure", "p95 latency 9.4 s > 4 s on chat");
        press(ONCALL, id, "card", "ack");
        settled();

        clock.advance(Duration.ofMinutes(29));
        // an alert joining is not someone acting
        app.post("/alerts", Json.write(Map.of("workflow", "helpdesk-bot", "title", "p95 latency 9.4 s > 4 s on chat",
                "failure_type", "latency_failure", "severity", "critical", "fingerprint", "fp-" + "p95 latency 9.4 s > 4 s on chat".hashCode())));
        assertThat(tick()).isZero();
        assertThat(nudges(id)).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        assertThat(tick()).isEqualTo(1);
        assertThat(nudges(id)).singleElement().satisfies(nudge -> assertThat(nudge.text()).contains("Quiet for 31 min")
                .contains("<@U0ONCALL>").doesNotContain("subteam").contains("Q1").contains("Q5").contains("Where is the failure?"));
        assertThat(timeline(id)).anySatisfy(line -> assertThat(line).contains("Quiet for 31 min"));

        clock.advance(Duration.ofMinutes(45));
        assertThat(tick()).as("one nudge per quiet period").isZero();
        assertThat(nudges(id)).hasSize(1);

        pressAtClockTime(ONCALL, id, "q4", "q4_no"); // someone acts: a new quiet period begins
        clock.advance(Duration.ofMinutes(31));
        assertThat(tick()).isEqualTo(1);
        assertThat(nudges(id)).hasSize(2);
        assertThat(nudges(id).get(1).text()).doesNotContain("Q4");
    }

    @Test
    void an_acknowledgement_a_status_change_and_an_answer_each_begin_a_new_quiet_period_so_no_nudge_follows_soon_after_one() {
        String id = fire("latency_failure", "p95 latency 9.4 s > 4 s on chat");

        clock.advance(Duration.ofMinutes(25));
        pressAtClockTime(ONCALL, id, "card", "ack");
        clock.advance(Duration.ofMinutes(10)); // 35 min open, 10 since the acknowledgement
        assertThat(tick()).as("acknowledged 10 min ago").isZero();

        clock.advance(Duration.ofMinutes(15));
        pressAtClockTime(ONCALL, id, "card", "mitigate"); // the status update in the thread: acknowledged → mitigated
        clock.advance(Duration.ofMinutes(10)); // 35 min since the acknowledgement, 10 since mitigated
        assertThat(tick()).as("marked mitigated 10 min ago").isZero();

        clock.advance(Duration.ofMinutes(15));
        pressAtClockTime(ONCALL, id, "q4", "q4_no");
        clock.advance(Duration.ofMinutes(10)); // 35 min since mitigated, 10 since the answer
        assertThat(tick()).as("answered 10 min ago").isZero();
        assertThat(nudges(id)).isEmpty();

        clock.advance(Duration.ofMinutes(21));
        assertThat(tick()).isEqualTo(1);
        assertThat(nudges(id)).singleElement().satisfies(nudge -> assertThat(nudge.text()).contains("Quiet for 31 min"));
    }

    @Test
    void nobody_acknowledged_so_the_owning_group_is_mentioned_and_resolved_incidents_and_drills_are_left_alone() {
        String quiet = fire("latency_failure", "p95 latency 9.4 s > 4 s on chat");
        String resolved = fire("cost_failure", "tokens per hour 5.1M > 3M");
        press(ONCALL, resolved, "card", "resolve");
        settled();
        HttpResponse<String> drill = app.post("/api/drills", Json.write(Map.of("workflow", "support-chat", "failure_type", "tool_failure")));
        assertThat(drill.statusCode()).as(drill.body()).isEqualTo(201);
        String drillId = json(drill).get("incident").asText();
        settled();

        clock.advance(Duration.ofMinutes(31));
        assertThat(tick()).isEqualTo(1);

        assertThat(nudges(quiet)).singleElement().satisfies(nudge -> assertThat(nudge.text()).contains("<!subteam^S0HELPDESK>")
                .contains("Q1").contains("Q5"));
        assertThat(nudges(resolved)).isEmpty();
        assertThat(timeline(drillId)).noneSatisfy(line -> assertThat(line).contains("Quiet for"));
    }
}
