package dev.threeam.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertStatus;
import dev.threeam.classify.WorkflowContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowMatcherTest {

    @TempDir
    Path temp;

    private RunbookRegistry registry;

    @BeforeEach
    void loadExamples() {
        registry = RunbookRegistry.load(RunbookFiles.copyExamples(temp.resolve("runbooks")), RunbookFiles.ENV, false,
                Clock.systemUTC());
    }

    private static Alert alert(String workflow, Map<String, String> labels) {
        return new Alert("generic", "f1", AlertStatus.FIRING, "Something is off", "critical", null, workflow, labels,
                Map.of(), Map.of(), null, null);
    }

    @Test
    void the_alerts_own_workflow_comes_first() {
        WorkflowMatch match = registry.match(alert("contract-review", Map.of("service", "helpdesk-bot")));

        assertThat(match.workflow()).contains("contract-review");
        assertThat(match.explanation()).isEqualTo("field workflow=contract-review is the workflow contract-review");
    }

    @Test
    void a_service_label_matches_an_alias_without_regard_to_case() {
        WorkflowMatch match = registry.match(alert(null, Map.of("service", "HelpDesk-Bot", "job", "node-exporter")));

        assertThat(match.workflow()).contains("support-chat");
        assertThat(match.explanation()).isEqualTo("label service=HelpDesk-Bot is an alias of support-chat");
    }

    @Test
    void app_and_job_labels_are_looked_at_too() {
        assertThat(registry.match(alert(null, Map.of("app", "codegen"))).workflow()).contains("code-assistant");
        assertThat(registry.match(alert(null, Map.of("job", "contracts-llm"))).workflow()).contains("contract-review");
    }

    @Test
    void a_datadog_tag_arrives_as_a_label_and_matches() {
        Map<String, String> tags = Map.of("env", "prod", "service", "chat-frontdoor", "team", "support-eng");

        assertThat(registry.match(alert(null, tags)).workflow()).contains("support-chat");
    }

    @Test
    void a_langsmith_project_name_matches() {
        assertThat(registry.match(alert(null, Map.of("project_name", "codegen"))).workflow()).contains("code-assistant");
    }

    @Test
    void an_unknown_service_says_what_was_looked_at() {
        WorkflowMatch match = registry.match(alert(null, Map.of("service", "payments-api", "job", "node-exporter")));

        assertThat(match.matched()).isFalse();
        assertThat(match.explanation()).isEqualTo(
                "looked at workflow=–, service=payments-api, app=–, job=node-exporter: no runbook answers to these");
    }

    @Test
    void with_no_runbooks_loaded_it_says_so() {
        WorkflowMatch match = WorkflowMatcher.match(alert(null, Map.of("project_name", "default")), List.of());

        assertThat(match.explanation())
                .isEqualTo("looked at workflow=–, service=–, app=–, job=–, project_name=default: no runbooks are loaded");
    }

    @Test
    void the_classifier_learns_the_matched_runbooks_names_rules_and_known_limits() {
        WorkflowContext context = WorkflowMatcher.workflows(registry.all())
                .match(alert(null, Map.of("service", "helpdesk-bot")));

        Runbook support = registry.find("support-chat").orElseThrow();
        assertThat(context.workflow()).isEqualTo("support-chat");
        assertThat(context.aliases()).isEqualTo(support.aliases());
        assertThat(context.rules()).isEqualTo(support.classify());
        assertThat(context.knownLimits()).isEqualTo(support.knownLimits()).isNotEmpty();
        assertThat(context.title()).isEqualTo(support.title());
    }

    @Test
    void an_alert_no_runbook_answers_to_gives_the_classifier_nothing() {
        WorkflowContext context = WorkflowMatcher.workflows(registry.all())
                .match(alert(null, Map.of("service", "payments-api")));

        assertThat(context).isEqualTo(WorkflowContext.NONE);
        assertThat(WorkflowMatcher.context(null)).isEqualTo(WorkflowContext.NONE);
    }
}
