package dev.threeam.change;

import dev.threeam.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threeam.common.BadInputException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LangfuseWebhookTest {

    private static final String SECRET = "lf-whsec_0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-11-28T01:40:05Z");
    private static final Function<List<String>, Optional<String>> NO_WORKFLOW = names -> Optional.empty();

    private final MutableClock clock = new MutableClock(NOW);
    private final LangfuseWebhook webhook = new LangfuseWebhook(SECRET, clock);

    private static byte[] payload(String type, int version, String labels) {
        return ("""
                {"id":"550e8400-e29b","timestamp":"2026-11-28T01:40:00Z","type":"%s","apiVersion":"v1",
                 "action":"created","prompt":{"name":"support-prompt","version":%d,"labels":%s,
                 "commitMessage":"shorter refusals","projectId":"p1"}}"""
                .formatted(type, version, labels)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] payload() {
        return payload("prompt-version", 42, "[\"production\"]");
    }

    private static String signed(byte[] body) {
        return LangfuseSignature.header(SECRET, NOW.getEpochSecond(), body);
    }

    @Test
    void a_signed_prompt_version_becomes_a_prompt_change() {
        ChangeEvent change = webhook.receive(signed(payload()), payload(), NO_WORKFLOW);

        assertThat(change).isEqualTo(new ChangeEvent(null, "support-prompt", ChangeKind.PROMPT,
                "Prompt support-prompt v42: shorter refusals", "v41", "v42", null, null,
                Instant.parse("2026-11-28T01:40:00Z"), ChangeEvent.SOURCE_LANGFUSE, "langfuse:550e8400-e29b"));
    }

    @Test
    void the_resolver_is_offered_the_prompt_name_then_its_labels() {
        List<List<String>> offered = new ArrayList<>();
        ChangeEvent change = webhook.receive(signed(payload()), payload(), names -> {
            offered.add(names);
            return Optional.of("support-answers");
        });

        assertThat(offered).containsExactly(List.of("support-prompt", "production"));
        assertThat(change.workflow()).isEqualTo("support-answers");
    }

    @Test
    void a_first_version_has_no_from() {
        byte[] body = payload("prompt-version", 1, "[]");

        assertThat(webhook.receive(signed(body), body, NO_WORKFLOW).from()).isNull();
    }

    @Test
    void the_signature_may_be_named_s_as_well_as_v1() {
        String header = signed(payload()).replace(",v1=", ",s=");

        assertThat(webhook.receive(header, payload(), NO_WORKFLOW).kind()).isEqualTo(ChangeKind.PROMPT);
    }

    @Test
    void a_missing_header_is_refused() {
        assertThatThrownBy(() -> webhook.receive(null, payload(), NO_WORKFLOW))
                .isInstanceOf(SignatureException.class).hasMessage("x-langfuse-signature: missing");
    }

    @Test
    void a_signature_made_with_another_secret_is_refused() {
        String header = LangfuseSignature.header("lf-whsec_other", NOW.getEpochSecond(), payload());

        assertThatThrownBy(() -> webhook.receive(header, payload(), NO_WORKFLOW))
                .isInstanceOf(SignatureException.class).hasMessage("x-langfuse-signature: signature does not match");
    }

    @Test
    void a_tampered_body_is_refused() {
        byte[] tampered = new String(payload(), StandardCharsets.UTF_8).replace("v42", "v43").replace("42,", "43,")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> webhook.receive(signed(payload()), tampered, NO_WORKFLOW))
                .isInstanceOf(SignatureException.class).hasMessage("x-langfuse-signature: signature does not match");
    }

    @Test
    void a_timestamp_older_than_five_minutes_is_refused_even_when_signed() {
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThatThrownBy(() -> webhook.receive(signed(payload()), payload(), NO_WORKFLOW))
                .isInstanceOf(SignatureException.class)
                .hasMessageStartingWith("x-langfuse-signature: timestamp outside the 5-minute window (sent 301 s ago");
    }

    @Test
    void a_timestamp_from_the_future_is_refused_too() {
        clock.advance(Duration.ofMinutes(-6));

        assertThatThrownBy(() -> webhook.receive(signed(payload()), payload(), NO_WORKFLOW))
                .isInstanceOf(SignatureException.class)
                .hasMessageContaining("timestamp outside the 5-minute window (dated 360 s ahead");
    }

    @Test
    void exactly_five_minutes_old_is_still_accepted() {
        clock.advance(Duration.ofMinutes(5));

        assertThat(webhook.receive(signed(payload()), payload(), NO_WORKFLOW)).isNotNull();
    }

    @Test
    void malformed_headers_say_what_was_expected() {
        assertThatThrownBy(() -> webhook.receive("v1=abcd", payload(), NO_WORKFLOW))
                .isInstanceOf(SignatureException.class)
                .hasMessage("x-langfuse-signature: no timestamp (expected t=<unix seconds>,v1=<hex HMAC-SHA256>)");
        assertThatThrownBy(() -> webhook.receive("t=1764294005", payload(), NO_WORKFLOW))
                .isInstanceOf(SignatureException.class).hasMessageStartingWith("x-langfuse-signature: no signature");
        assertThatThrownBy(() -> webhook.receive("t=soon,v1=abcd", payload(), NO_WORKFLOW))
                .isInstanceOf(SignatureException.class)
                .hasMessageStartingWith("x-langfuse-signature: timestamp \"soon\" is not a number of seconds");
        assertThatThrownBy(() -> webhook.receive("t=" + NOW.getEpochSecond() + ",v1=not-hex", payload(), NO_WORKFLOW))
                .isInstanceOf(SignatureException.class).hasMessage("x-langfuse-signature: signature does not match");
    }

    @Test
    void without_a_secret_every_delivery_is_refused_saying_why() {
        LangfuseWebhook unconfigured = new LangfuseWebhook("", clock);

        assertThat(unconfigured.configured()).isFalse();
        assertThatThrownBy(() -> unconfigured.receive(signed(payload()), payload(), NO_WORKFLOW))
                .isInstanceOf(SignatureException.class)
                .hasMessage("x-langfuse-signature: cannot be checked: LANGFUSE_WEBHOOK_SECRET is not set");
    }

    @Test
    void other_event_types_are_bad_input() {
        byte[] body = payload("trace-created", 42, "[]");

        assertThatThrownBy(() -> webhook.receive(signed(body), body, NO_WORKFLOW))
                .isInstanceOf(BadInputException.class)
                .hasMessage("type: expected \"prompt-version\" (3am records prompt versions only), got \"trace-created\"");
    }

    @Test
    void a_label_move_says_so_and_claims_no_previous_version() {
        byte[] body = """
                {"id":"e2","timestamp":"2026-11-28T01:41:00Z","type":"prompt-version","action":"updated",
                 "prompt":{"name":"support-prompt","version":41,"labels":["production"]}}"""
                .getBytes(StandardCharsets.UTF_8);

        ChangeEvent change = webhook.parse(body, NO_WORKFLOW);

        assertThat(change.summary()).isEqualTo("Prompt support-prompt v41 updated (labels production)");
        assertThat(change.from()).isNull();
        assertThat(change.to()).isEqualTo("v41");
    }

    @Test
    void payload_errors_name_the_field() {
        byte[] noVersion = "{\"id\":\"e\",\"type\":\"prompt-version\",\"prompt\":{\"name\":\"p\",\"version\":\"42\"}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] badLabel = "{\"id\":\"e\",\"type\":\"prompt-version\",\"prompt\":{\"name\":\"p\",\"version\":2,\"labels\":[1]}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> webhook.parse(noVersion, NO_WORKFLOW))
                .isInstanceOf(BadInputException.class)
                .hasMessage("prompt.version: expected a whole number from 1, got \"42\"");
        assertThatThrownBy(() -> webhook.parse(badLabel, NO_WORKFLOW))
                .isInstanceOf(BadInputException.class).hasMessage("prompt.labels[0]: expected a string, got 1");
    }
}
