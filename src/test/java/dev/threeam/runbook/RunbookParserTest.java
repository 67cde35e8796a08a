package dev.threeam.runbook;

import static dev.threeam.runbook.RunbookFiles.lineOf;
import static dev.threeam.runbook.RunbookFiles.runbook;
import static dev.threeam.runbook.RunbookFiles.shopFrontMatter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.classify.FailureType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookParserTest {

    @TempDir
    Path temp;

    private ParsedRunbook parse(String text) {
        return parse(text, Map.of(), false);
    }

    private ParsedRunbook parse(String text, Map<String, String> env, boolean sandbox) {
        Path dir = temp.resolve("runbooks");
        Path file = RunbookFiles.write(dir, "shop.md", text);
        return new RunbookParser(dir, env, sandbox).parse(file, "runbooks/shop.md");
    }

    @Test
    void a_complete_runbook_loads_with_its_sections_and_settings() {
        String text = runbook(shopFrontMatter() + """
                changes_window: 30m
                quality_signals:
                  - {metric: faithfulness, threshold: ">= 0.85"}
                budgets: {usd_per_day: 250}
                latency: {p95_seconds: 4}
                classify:
                  - {failure_type: retrieval_failure, match: {alertname: "(?i)kb_?sync"}}
                eval: {webhook: "https://evals.example.com/rerun"}
                rollbacks:
                  - id: prompt-v41
                    label: Roll back prompt to v41
                    kind: prompt
                    for: [quality_drift, policy_failure]
                    unleash: {feature: shop-prompt-v42, environment: production}
                  - id: kb-previous
                    label: Previous index
                    kind: retrieval_index
                    webhook: {url: "https://kb.example.com/alias", body: {alias: kb-live, target: previous}}
                known_limits: [No medical advice.]
                """);

        ParsedRunbook parsed = parse(text);

        assertThat(parsed.problems()).isEmpty();
        Runbook shop = parsed.runbook().orElseThrow();
        assertThat(shop.workflow()).isEqualTo("shop");
        assertThat(shop.changesWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThat(shop.sections()).containsOnlyKeys(FailureType.classified());
        assertThat(shop.section(FailureType.RETRIEVAL_FAILURE)).contains("Check the index.");
        assertThat(shop.classify().get(0).match().get("alertname").matcher("KB_Sync").find()).isTrue();
        assertThat(shop.rollback("prompt-v41").orElseThrow().forTypes())
                .containsExactly(FailureType.QUALITY_DRIFT, FailureType.POLICY_FAILURE);
        assertThat(shop.rollback("prompt-v41").orElseThrow().settings())
                .containsEntry("project", "default").containsEntry("action", "off");
        assertThat(shop.rollback("kb-previous").orElseThrow().settings()).containsEntry("method", "POST");
        assertThat(shop.budgets()).containsEntry("usd_per_day", 250.0);
        assertThat(shop.eval().webhook()).isEqualTo("https://evals.example.com/rerun");
    }

    @Test
    void the_tools_its_tool_failure_section_names_in_backticks_are_the_workflows_tools() {
        String text = "---\n" + shopFrontMatter() + "---\n## Tool failure\n- `lookup_order` and `issue_refund` errors;"
                + " the `orders` API (`v2`) rate-limits.\n## Retrieval failure\n`search_kb` is not a tool here.\n";

        Runbook shop = parse(text).runbook().orElseThrow();

        assertThat(shop.toolsNamed()).containsExactly("lookup_order", "issue_refund");
    }

    @Test
    void the_graders_its_quality_drift_section_names_in_backticks_are_its_quality_measures_but_its_tools_are_not() {
        String text = "---\n" + shopFrontMatter() + "---\n## Quality drift\n- `answer_faithfulness` and `tone_match`"
                + " graders; refunds vs `issue_refund` output.\n## Tool failure\n- `issue_refund` errors.\n";

        Runbook shop = parse(text).runbook().orElseThrow();

        assertThat(shop.qualityMeasuresNamed()).containsExactly("answer_faithfulness", "tone_match");
    }

    @Test
    void section_headings_match_failure_type_titles_without_regard_to_case() {
        String text = "---\n" + shopFrontMatter() + "---\n## RETRIEVAL FAILURE\nRebuild it.\n## Dashboards\nx\n";

        Runbook shop = parse(text).runbook().orElseThrow();

        assertThat(shop.sections()).containsOnlyKeys(FailureType.RETRIEVAL_FAILURE);
        assertThat(shop.section(FailureType.RETRIEVAL_FAILURE)).contains("Rebuild it.");
    }

    @Test
    void a_role_without_owner_is_an_error_on_the_line_of_its_escalation() {
        String text = runbook(shopFrontMatter().replace("policy_failure: [reviewer]", "policy_failure: [reviewer, legal]"));

        ParsedRunbook parsed = parse(text);

        assertThat(parsed.runbook()).isEmpty();
        assertThat(parsed.problems()).extracting(RunbookProblem::toString).containsExactly(
                "runbooks/shop.md:" + lineOf(text, "policy_failure:")
                        + " escalation.policy_failure: role \"legal\" has no owner; add owners.legal or remove it here");
    }

    @Test
    void a_missing_variable_is_an_error_naming_file_and_key() {
        String text = runbook(shopFrontMatter().replace("{slack: [S0SHOP]}", "{slack: [S0SHOP], pagerduty: \"${PD_KEY_SHOP}\"}"));

        ParsedRunbook parsed = parse(text);

        assertThat(parsed.failed()).isTrue();
        assertThat(parsed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(RunbookProblem.Severity.ERROR);
            assertThat(problem.toString()).startsWith("runbooks/shop.md:" + lineOf(text, "PD_KEY_SHOP")
                    + " owners.engineering.pagerduty: ${PD_KEY_SHOP} is not set in the environment");
        });
    }

    @Test
    void a_missing_variable_in_sandbox_mode_is_a_warning_and_stays_as_written() {
        String text = runbook(shopFrontMatter().replace("{slack: [S0SHOP]}", "{slack: [S0SHOP], pagerduty: \"${PD_KEY_SHOP}\"}"));

        ParsedRunbook parsed = parse(text, Map.of(), true);

        assertThat(parsed.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.severity()).isEqualTo(RunbookProblem.Severity.WARNING));
        Runbook shop = parsed.runbook().orElseThrow();
        assertThat(shop.owner("engineering").orElseThrow().pagerduty()).isEqualTo("${PD_KEY_SHOP}");
        assertThat(shop.unresolved()).containsExactly("PD_KEY_SHOP");
    }

    @Test
    void a_missing_variable_for_check_is_a_warning_naming_what_run_time_will_need() {
        String text = runbook(shopFrontMatter().replace("{slack: [S0SHOP]}", "{slack: [S0SHOP], pagerduty: \"${PD_KEY_SHOP}\"}"));
        Path dir = temp.resolve("runbooks");
        Path file = RunbookFiles.write(dir, "shop.md", text);

        ParsedRunbook parsed = new RunbookParser(dir, Map.of(), UnsetVariables.NEEDED_AT_RUN_TIME)
                .parse(file, "runbooks/shop.md");

        assertThat(parsed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(RunbookProblem.Severity.WARNING);
            assertThat(problem.toString()).isEqualTo("runbooks/shop.md:" + lineOf(text, "PD_KEY_SHOP")
                    + " owners.engineering.pagerduty: ${PD_KEY_SHOP} is not set here; 3am will need PD_KEY_SHOP at run time");
        });
        assertThat(parsed.runbook()).isPresent();
    }

    @Test
    void values_from_unset_variables_are_not_format_checked_but_their_neighbours_are() {
        String text = runbook(shopFrontMatter()
                .replace("{slack: [S0SHOP]}", "{slack: [\"${SHOP_GROUP}\", not-an-id]}")
                .replace("title: Shop assistant", "title: Shop assistant\nchannel: \"${SHOP_CHANNEL}\"") + """
                rollbacks:
                  - {id: route, label: Route, kind: model_route, flagd: {file: "${FLAGS_DIR}/flags.json", flag: f, variant: v}}
                """);

        ParsedRunbook parsed = parse(text, Map.of(), true);

        assertThat(parsed.problems()).extracting(RunbookProblem::key).containsExactlyInAnyOrder(
                "owners.engineering.slack[0]", "channel", "rollbacks[0].flagd.file", "owners.engineering.slack");
        assertThat(parsed.problems()).filteredOn(RunbookProblem::isError).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("\"not-an-id\" is not a Slack user"));
    }

    @Test
    void a_set_variable_is_filled_in() {
        String text = runbook(shopFrontMatter().replace("{slack: [S0SHOP]}", "{slack: [S0SHOP], pagerduty: \"${PD_KEY_SHOP}\"}"));

        Runbook shop = parse(text, Map.of("PD_KEY_SHOP", "key-123"), false).runbook().orElseThrow();

        assertThat(shop.owner("engineering").orElseThrow().pagerduty()).isEqualTo("key-123");
        assertThat(shop.unresolved()).isEmpty();
    }

    @Test
    void an_unknown_top_level_key_is_a_warning_and_the_runbook_still_loads() {
        String text = runbook(shopFrontMatter() + "pager_policy: {url: \"${NOT_SET}\"}\n");

        ParsedRunbook parsed = parse(text);

        assertThat(parsed.runbook()).isPresent();
        assertThat(parsed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(RunbookProblem.Severity.WARNING);
            assertThat(problem.toString()).startsWith("runbooks/shop.md:" + lineOf(text, "pager_policy")
                    + " pager_policy: unknown key, ignored");
        });
    }

    @Test
    void a_flagd_file_is_stored_as_an_absolute_path_under_the_runbooks_folder() {
        RunbookFiles.write(temp.resolve("runbooks/flags"), "flags.json", "{\"flags\":{}}");
        String text = runbook(shopFrontMatter() + """
                rollbacks:
                  - {id: old-model, label: Old model, kind: model_route, flagd: {file: flags/flags.json, flag: m, variant: previous}}
                """);

        Runbook shop = parse(text).runbook().orElseThrow();

        assertThat(shop.rollback("old-model").orElseThrow().settings().get("file"))
                .isEqualTo(temp.resolve("runbooks/flags/flags.json").toAbsolutePath().normalize().toString());
    }

    @Test
    void a_markdown_file_without_front_matter_is_skipped_with_a_warning() {
        ParsedRunbook parsed = parse("# Our runbooks\nRead me first.\n");

        assertThat(parsed.failed()).isFalse();
        assertThat(parsed.runbook()).isEmpty();
        assertThat(parsed.problems()).extracting(RunbookProblem::toString)
                .containsExactly("runbooks/shop.md:1: no front matter (a --- line first): not a runbook, skipped");
    }
}
