package dev.threeam.runbook;

import static dev.threeam.runbook.RunbookFiles.lineOf;
import static dev.threeam.runbook.RunbookFiles.runbook;
import static dev.threeam.runbook.RunbookFiles.shopFrontMatter;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check says {@code file:line key: message}, on the line of the key at fault. */
class RunbookValidatorTest {

    @TempDir
    Path temp;

    private List<String> errorsOf(String text) {
        Path dir = temp.resolve("runbooks");
        Path file = RunbookFiles.write(dir, "shop.md", text);
        ParsedRunbook parsed = new RunbookParser(dir, Map.of(), false).parse(file, "runbooks/shop.md");
        return parsed.problems().stream().filter(RunbookProblem::isError).map(RunbookProblem::toString).toList();
    }

    private static String at(String text, String fragment, String keyAndMessage) {
        return "runbooks/shop.md:" + lineOf(text, fragment) + " " + keyAndMessage;
    }

    @Test
    void a_missing_workflow_is_an_error() {
        String text = runbook(shopFrontMatter().replace("workflow: shop\n", ""));

        assertThat(errorsOf(text)).containsExactly("runbooks/shop.md:2 workflow: required but missing");
    }

    @Test
    void an_escalation_key_must_be_a_failure_type() {
        String text = runbook(shopFrontMatter().replace("cost_failure:", "costs:"));

        assertThat(errorsOf(text)).singleElement().asString()
                .startsWith(at(text, "costs:", "escalation.costs: \"costs\" is not a failure type; use one of quality_drift"));
    }

    @Test
    void an_owner_slack_id_must_look_like_a_user_or_group() {
        String text = runbook(shopFrontMatter().replace("[U0REVIEW]", "[\"@alice\"]"));

        assertThat(errorsOf(text)).containsExactly(at(text, "@alice", "owners.reviewer.slack: \"@alice\" is not a Slack"
                + " user or user group id (U…, W… or S…, as in U0ALICE or S0ONCALL)"));
    }

    @Test
    void a_quality_threshold_must_be_a_comparison_and_a_number() {
        String text = runbook(shopFrontMatter() + "quality_signals:\n  - {metric: faithfulness, threshold: high}\n");

        assertThat(errorsOf(text)).containsExactly(at(text, "threshold: high", "quality_signals[0].threshold: \"high\""
                + " is not a threshold; write a comparison and a number, quoted: \">= 0.85\""));
    }

    @Test
    void budgets_and_latency_must_be_positive_numbers() {
        String text = runbook(shopFrontMatter() + "budgets: {usd_per_day: lots}\nlatency: {p95_seconds: -1}\n");

        assertThat(errorsOf(text)).containsExactly(
                at(text, "budgets:", "budgets.usd_per_day: expected a number, got \"lots\""),
                at(text, "latency:", "latency.p95_seconds: must be above 0, got -1"));
    }

    @Test
    void a_changes_window_must_be_a_duration() {
        String text = runbook(shopFrontMatter() + "changes_window: a day\n");

        assertThat(errorsOf(text)).containsExactly(at(text, "changes_window", "changes_window: expected a duration such"
                + " as 30m, 24h or 45s, got \"a day\""));
    }

    @Test
    void a_classify_regex_that_does_not_compile_is_an_error_on_its_line() {
        String text = runbook(shopFrontMatter() + """
                classify:
                  - failure_type: retrieval_failure
                    match:
                      alertname: "(kb_sync"
                """);

        assertThat(errorsOf(text)).singleElement().asString()
                .startsWith(at(text, "alertname:", "classify[0].match.alertname: not a valid regular expression: Unclosed group"));
    }

    @Test
    void a_rollback_names_exactly_one_provider() {
        String text = runbook(shopFrontMatter() + """
                rollbacks:
                  - id: both
                    label: Both
                    kind: prompt
                    unleash: {feature: f, environment: production}
                    webhook: {url: "https://example.com/x"}
                """);

        assertThat(errorsOf(text)).containsExactly(at(text, "- id: both", "rollbacks[0]: names unleash and webhook;"
                + " a rollback uses exactly one of unleash, flagd, launchdarkly, webhook"));
    }

    @Test
    void a_rollback_kind_and_its_failure_types_must_be_known() {
        String text = runbook(shopFrontMatter() + """
                rollbacks:
                  - id: old
                    label: Old
                    kind: prompts
                    for: [quality_drift, hallucination]
                    unleash: {feature: f, environment: production, action: off}
                """);

        assertThat(errorsOf(text)).containsExactly(
                at(text, "kind: prompts", "rollbacks[0].kind: \"prompts\" is not a change kind; use one of prompt,"
                        + " model_route, retrieval_index, tool_schema, data_source, feature_flag, deploy"),
                at(text, "for:", "rollbacks[0].for: \"hallucination\" is not a failure type; use one of "
                        + "quality_drift, retrieval_failure, tool_failure, policy_failure, cost_failure, latency_failure,"
                        + " provider_outage, unclassified"),
                at(text, "unleash:", "rollbacks[0].unleash.action: expected \"on\" or \"off\" (quoted: YAML reads a bare"
                        + " off as false), got false"));
    }

    @Test
    void a_flagd_rollback_needs_its_flag_file() {
        String text = runbook(shopFrontMatter() + """
                rollbacks:
                  - {id: m, label: M, kind: model_route, flagd: {file: flags/none.json, flag: m, variant: previous}}
                """);

        assertThat(errorsOf(text)).singleElement().asString()
                .startsWith(at(text, "flags/none.json", "rollbacks[0].flagd.file: no flag file at "));
    }

    @Test
    void yaml_that_does_not_parse_is_an_error_on_its_line() {
        String text = runbook(shopFrontMatter() + "aliases: [unclosed\nchannel: C0X\n");

        assertThat(errorsOf(text)).containsExactly(at(text, "channel: C0X", "").strip() + ": not valid YAML: while parsing"
                + " a flow sequence from line " + lineOf(text, "aliases: [unclosed") + ", expected ',' or ']', but got :");
    }

    @Test
    void front_matter_that_is_never_closed_is_an_error() {
        assertThat(errorsOf("---\nworkflow: shop\n")).containsExactly("runbooks/shop.md:1: front matter opened with ---"
                + " on line 1 is never closed: add a --- line after the last key");
    }
}
