package dev.threeam.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.testing.RealAlertmanager;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assumptions;

/** {@link AlertmanagerSilencer#createOnce} against a real Alertmanager: what a lost create made is found, nothing else is. */
class AlertmanagerSilencerTest {

    static final List<SilenceMatcher> MATCHERS = List.of(new SilenceMatcher("alertname", "ChatLatencyHigh"),
            new SilenceMatcher("workflow", "say \"hi\"\\bot"));

    @TempDir
    Path dir;
    RealAlertmanager alertmanager;
    AlertmanagerSilencer silencer;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(RealAlertmanager.binary().isPresent(), "prometheus-alertmanager is not installed: skipping");
        alertmanager = RealAlertmanager.start(RealAlertmanager.freePort(), dir, "http://127.0.0.1:9/alerts/alertmanager", "unused");
        silencer = new AlertmanagerSilencer(alertmanager.url());
    }

    @AfterEach
    void stop() {
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    static SilenceSpec spec(String comment, Duration lasting) {
        Instant now = Instant.now();
        return new SilenceSpec(null, MATCHERS, now, now.plus(lasting), "oncall.person", comment);
    }

    @Test
    void a_create_tried_again_adopts_the_silence_the_first_try_made_and_moves_its_end_to_the_wanted_one() {
        Silencer.SilenceCall first = silencer.create(spec("3am INC-7: latency (http://3am/api/incidents/INC-7)", Duration.ofHours(2)));

        Silencer.SilenceCall again = silencer.createOnce(spec("3am INC-7: latency (http://3am/api/incidents/INC-7)", Duration.ofHours(8)));

        assertThat(again.outcome()).isEqualTo(Silencer.SilenceCall.Outcome.DONE);
        assertThat(again.silenceId()).isEqualTo(first.silenceId());
        assertThat(alertmanager.silences()).singleElement().satisfies(silence -> assertThat(Instant.parse(silence.path("endsAt").asText()))
                .isAfter(Instant.now().plus(Duration.ofHours(7))));
    }

    @Test
    void a_silence_of_another_incident_or_an_expired_one_is_not_adopted() {
        Silencer.SilenceCall other = silencer.create(spec("3am INC-8: cost (http://3am/api/incidents/INC-8)", Duration.ofHours(2)));
        Silencer.SilenceCall expired = silencer.create(spec("3am INC-7: latency (http://3am/api/incidents/INC-7)", Duration.ofHours(2)));
        assertThat(silencer.expire(expired.silenceId()).outcome()).isEqualTo(Silencer.SilenceCall.Outcome.DONE);

        Silencer.SilenceCall again = silencer.createOnce(spec("3am INC-7: latency (http://3am/api/incidents/INC-7)", Duration.ofHours(2)));

        assertThat(again.outcome()).isEqualTo(Silencer.SilenceCall.Outcome.DONE);
        assertThat(again.silenceId()).isNotIn(other.silenceId(), expired.silenceId());
        assertThat(alertmanager.silences()).hasSize(3);
    }

    @Test
    void extending_a_silence_whose_comment_names_a_long_title_updates_it_in_place() {
        String comment = "3am INC-9: " + "Answers cite the wrong refund policy ".repeat(5) + "(http://3am.example.com/api/incidents/INC-9)";
        Silencer.SilenceCall made = silencer.create(spec(comment, Duration.ofHours(2)));

        Silencer.SilenceCall extended = silencer.create(spec(comment, Duration.ofHours(8)).withId(made.silenceId()));

        assertThat(extended.silenceId()).isEqualTo(made.silenceId());
        assertThat(alertmanager.silences()).singleElement().satisfies(silence -> assertThat(Instant.parse(silence.path("endsAt").asText()))
                .isAfter(Instant.now().plus(Duration.ofHours(7))));
    }

    @Test
    void alertmanager_not_answering_the_look_up_is_unreachable_and_nothing_is_created() {
        alertmanager.close();

        assertThat(silencer.createOnce(spec("3am INC-7: latency", Duration.ofHours(2))).outcome())
                .isEqualTo(Silencer.SilenceCall.Outcome.UNREACHABLE);
    }
}
