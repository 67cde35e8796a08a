package dev.threeam.runbook;

import static dev.threeam.runbook.RunbookFiles.lineOf;
import static dev.threeam.runbook.RunbookFiles.runbook;
import static dev.threeam.runbook.RunbookFiles.shopFrontMatter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.classify.FailureType;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoverReportTest {

    @TempDir
    Path temp;

    private HandoverReport check(Path dir, Map<String, String> env) {
        return HandoverReport.of(dir, env, UnsetVariables.ERROR);
    }

    @Test
    void the_example_runbooks_are_ready() {
        HandoverReport report = check(RunbookFiles.copyExamples(temp.resolve("runbooks")), RunbookFiles.ENV);

        assertThat(report.ready()).as(report.problems().toString()).isTrue();
        assertThat(report.workflows()).extracting(WorkflowReadiness::workflow)
                .containsExactly("code-assistant", "contract-review", "support-chat");
        assertThat(report.workflows()).filteredOn(workflow -> workflow.workflow().equals("support-chat"))
                .singleElement().satisfies(workflow -> {
                    assertThat(workflow.title()).isEqualTo("Help-desk chat bot (RAG over the help center)");
                    assertThat(workflow.file()).isEqualTo("runbooks/support-chat.md");
                });
    }

    @Test
    void the_example_runbooks_without_their_pager_keys_are_not_loaded_when_unset_variables_are_errors() {
        HandoverReport report = check(RunbookFiles.copyExamples(temp.resolve("runbooks")), Map.of());

        assertThat(report.ready()).isFalse();
        assertThat(report.notLoaded()).contains("runbooks/support-chat.md");
        assertThat(report.problems()).extracting(RunbookProblem::toString)
                .anySatisfy(problem -> assertThat(problem).contains(
                        "owners.engineering.pagerduty: ${PD_KEY_HELPDESK} is not set in the environment"));
    }

    @Test
    void the_example_runbooks_without_their_pager_keys_are_judged_when_variables_are_needed_only_at_run_time() {
        HandoverReport report = HandoverReport.of(RunbookFiles.copyExamples(temp.resolve("runbooks")), Map.of(),
                UnsetVariables.NEEDED_AT_RUN_TIME);

        assertThat(report.ready()).isTrue();
        assertThat(report.workflows()).hasSize(3).allMatch(WorkflowReadiness::ready);
        assertThat(report.problems()).allMatch(problem -> !problem.isError())
                .extracting(RunbookProblem::message).allMatch(message -> message.contains("at run time"));
    }

    @Test
    void a_failure_type_without_an_owner_is_not_covered_and_points_at_the_escalation() {
        Path dir = temp.resolve("runbooks");
        String text = runbook(shopFrontMatter().replace("  cost_failure: [engineering]\n", ""));
        RunbookFiles.write(dir, "shop.md", text);

        HandoverReport report = check(dir, Map.of());

        assertThat(report.ready()).isFalse();
        WorkflowReadiness.Coverage cost = coverage(report, FailureType.COST_FAILURE);
        assertThat(cost.owner()).isEmpty();
        assertThat(cost.line()).isEqualTo(lineOf(text, "escalation:"));
        assertThat(cost.gaps()).containsExactly("no owner to wake: escalation.cost_failure names no role with a"
                + " Slack, PagerDuty or Opsgenie target");
        assertThat(coverage(report, FailureType.TOOL_FAILURE).line()).isEqualTo(lineOf(text, "tool_failure:"));
    }

    @Test
    void a_missing_section_is_reported_per_failure_type_at_the_start_of_the_body() {
        Path dir = temp.resolve("runbooks");
        String text = runbook(shopFrontMatter()).replace("## Cost failure\n", "");
        RunbookFiles.write(dir, "shop.md", text);

        HandoverReport report = check(dir, Map.of());

        assertThat(report.ready()).isFalse();
        assertThat(report.workflows()).singleElement().satisfies(workflow -> {
            assertThat(workflow.coverage()).filteredOn(coverage -> !coverage.covered())
                    .extracting(WorkflowReadiness.Coverage::type).containsExactly(FailureType.COST_FAILURE);
            assertThat(workflow.qualitySignals()).isEmpty();
        });
        WorkflowReadiness.Coverage cost = coverage(report, FailureType.COST_FAILURE);
        assertThat(cost.line()).isEqualTo(lineOf(text, "# Shop assistant"));
        assertThat(cost.gaps()).containsExactly("no runbook section: add \"## Cost failure\" to the body");
    }

    @Test
    void a_rollback_without_for_counts_for_failure_types_its_kind_fits() {
        Path dir = temp.resolve("runbooks");
        RunbookFiles.write(dir, "shop.md", runbook(shopFrontMatter() + """
                rollbacks:
                  - {id: old-index, label: Old index, kind: retrieval_index, webhook: {url: "https://kb.example.com/x"}}
                """));

        HandoverReport report = check(dir, Map.of());

        assertThat(report.workflows().get(0).coverage()).filteredOn(coverage -> coverage.rollback().isPresent())
                .extracting(WorkflowReadiness.Coverage::type).containsExactly(FailureType.RETRIEVAL_FAILURE);
        assertThat(report.ready()).isTrue();
    }

    @Test
    void a_missing_folder_is_not_loaded_and_says_where_it_looked() {
        HandoverReport report = check(temp.resolve("nowhere"), Map.of());

        assertThat(report.folderLoaded()).isFalse();
        assertThat(report.ready()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(problem -> assertThat(problem.toString())
                .startsWith("nowhere: the runbooks folder").contains("does not exist or cannot be read"));
    }

    @Test
    void a_folder_without_any_runbook_is_not_ready() {
        Path dir = temp.resolve("docs");
        RunbookFiles.write(dir, "README.md", "# Notes\nNo front matter here.\n");

        HandoverReport report = check(dir, Map.of());

        assertThat(report.folderLoaded()).isTrue();
        assertThat(report.ready()).isFalse();
        assertThat(report.problems()).extracting(RunbookProblem::toString).containsExactly(
                "docs/README.md:1: no front matter (a --- line first): not a runbook, skipped",
                "docs: no runbook in " + dir.toAbsolutePath() + ": a runbook is a .md file that starts with --- front"
                        + " matter (see runbooks/support-chat.md)");
    }

    @Test
    void a_file_is_found_on_disk_through_the_folder_as_given() {
        Path dir = temp.resolve("ops").resolve("runbooks");
        RunbookFiles.write(dir, "shop.md", runbook(shopFrontMatter()));

        HandoverReport report = check(dir, Map.of());

        assertThat(report.pathOf("runbooks/shop.md")).isEqualTo(dir.resolve("shop.md"));
    }

    private static WorkflowReadiness.Coverage coverage(HandoverReport report, FailureType type) {
        return report.workflows().get(0).coverage().stream().filter(coverage -> coverage.type() == type)
                .findFirst().orElseThrow();
    }
}
