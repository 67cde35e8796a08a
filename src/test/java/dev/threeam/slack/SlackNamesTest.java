package dev.threeam.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.threeam.common.Sentence;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plain names for drills: looked up with users.info and usergroups.list, remembered, and the id when Slack fails. */
class SlackNamesTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T02:00:00Z");
    private FakeSlack slack;
    private SlackNames names;

    @BeforeEach
    void start() {
        slack = new FakeSlack(Map.of("S0HELPDESK", List.of("U0ONCALL")));
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        config.getMethodsConfig().setExecutorName("names-" + UUID.randomUUID());
        SlackGateway gateway = new SlackGateway(Slack.getInstance(config).methods("xoxb-test"), new SlackMetrics(new SimpleMeterRegistry()),
                new SlackHealth(clock));
        names = new SlackNames(gateway, Duration.ofMinutes(10), clock);
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void users_and_groups_are_named_from_slack_and_remembered_for_the_ttl() {
        assertThat(names.of("U0ONCALL")).isEqualTo("oncall");
        assertThat(names.of("U0ONCALL")).isEqualTo("oncall");
        assertThat(names.of("S0HELPDESK")).isEqualTo("helpdesk");
        assertThat(names.of("S0HELPDESK")).isEqualTo("helpdesk");
        assertThat(slack.calls("users.info")).hasSize(1);
        assertThat(slack.calls("usergroups.list")).as("one call names every group").hasSize(1);

        clock.advance(Duration.ofMinutes(11));
        assertThat(names.of("U0ONCALL")).isEqualTo("oncall");
        assertThat(names.of("S0HELPDESK")).isEqualTo("helpdesk");
        assertThat(slack.calls("users.info")).hasSize(2);
        assertThat(slack.calls("usergroups.list")).hasSize(2);
    }

    @Test
    void a_failed_lookup_gives_the_id_or_the_last_name_known_and_is_tried_again_a_minute_later() {
        slack.errorNext("users.info", "ratelimited").errorNext("usergroups.list", "missing_scope");
        assertThat(names.of("U0ONCALL")).isEqualTo("U0ONCALL");
        assertThat(names.of("S0HELPDESK")).isEqualTo("S0HELPDESK");
        assertThat(names.of("U0ONCALL")).as("not asked again at once").isEqualTo("U0ONCALL");
        assertThat(slack.faultsServed("users.info")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(names.of("U0ONCALL")).isEqualTo("oncall");
        assertThat(names.of("S0HELPDESK")).isEqualTo("helpdesk");
        assertThat(names.of("U0NOBODY")).as("a user Slack does not know").isEqualTo("U0NOBODY");

        clock.advance(Duration.ofMinutes(11));
        slack.errorNext("users.info", "internal_error");
        assertThat(names.of("U0ONCALL")).as("the last name known").isEqualTo("oncall");
    }

    @Test
    void the_app_manifest_grants_the_scopes_the_lookups_need() throws Exception {
        var manifest = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(java.nio.file.Path.of("manifest.yml").toFile());
        List<String> scopes = new java.util.ArrayList<>();
        manifest.at("/oauth_config/scopes/bot").forEach(scope -> scopes.add(scope.asText()));

        assertThat(scopes).as("users.info needs users:read, usergroups.list usergroups:read").contains("users:read", "usergroups:read");
    }

    @Test
    void a_drill_renders_people_by_name_and_a_real_incident_by_mention() {
        Sentence said = Sentence.of("Acknowledged by ").person("U0ONCALL").then(" for ").person("S0HELPDESK").then(" and ")
                .person("3am");

        assertThat(SlackText.names(names).render(said)).isEqualTo("Acknowledged by oncall for helpdesk and 3am");
        assertThat(SlackText.MENTIONS.render(said)).isEqualTo("Acknowledged by <@U0ONCALL> for <!subteam^S0HELPDESK> and 3am");
    }
}
