package dev.threeam.runbook;

import static dev.threeam.runbook.RunbookFiles.runbook;
import static dev.threeam.runbook.RunbookFiles.shopFrontMatter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.classify.FailureType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoverReportTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int check(Path dir, Map<String, String> env) {
        return HandoverReport.run(dir, env, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_example_runbooks_are_ready() {
        int exit = check(RunbookFiles.copyExamples(temp.resolve("runbooks")), RunbookFiles.ENV);

        assertThat(exit).as(output()).isZero();
        assertThat(output()).contains("support-chat: Help-desk chat bot (RAG over the help center)  "
                + "[runbooks/support-chat.md]  READY")
                .contains("Result: 3 of 3 workflow(s) ready -> OK (exit 0)");
    }

    @Test
    void the_example_runbooks_without_their_pager_keys_are_not_ready_outside_sandbox_mode() {
        int exit = check(RunbookFiles.copyExamples(temp.resolve("runbooks")), Map.of());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("runbooks/support-chat.md  NOT LOADED")
                .contains("owners.engineering.pagerduty: ${PD_KEY_HELPDESK} is not set in the environment");
    }

    @Test
    void a_failure_type_without_an_owner_makes_the_workflow_not_ready() {
        Path dir = temp.resolve("runbooks");
        RunbookFiles.write(dir, "shop.md", runbook(shopFrontMatter().replace("  cost_failure: [engineering]\n", "")));

        int exit = check(dir, Map.of());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).containsPattern("cost_failure +MISSING +none +ok")
                .contains("shop: Shop assistant  [runbooks/shop.md]  NOT READY");
    }

    @Test
    void a_missing_section_is_reported_per_failure_type() {
        Path dir = temp.resolve("runbooks");
        RunbookFiles.write(dir, "shop.md", runbook(shopFrontMatter()).replace("## Cost failure\n", ""));

        HandoverReport report = HandoverReport.of(dir, Map.of(), false);

        assertThat(report.ready()).isFalse();
        assertThat(report.workflows()).singleElement().satisfies(workflow -> {
            assertThat(workflow.coverage()).filteredOn(coverage -> !coverage.covered())
                    .extracting(WorkflowReadiness.Coverage::type).containsExactly(FailureType.COST_FAILURE);
            assertThat(workflow.qualitySignals()).isEmpty();
        });
    }

    @Test
    void a_rollback_without_for_counts_for_failure_types_its_kind_fits() {
        Path dir = temp.resolve("runbooks");
        RunbookFiles.write(dir, "shop.md", runbook(shopFrontMatter() + """
                rollbacks:
                  - {id: old-index, label: Old index, kind: retrieval_index, webhook: {url: "https://kb.example.com/x"}}
                """));

        HandoverReport report = HandoverReport.of(dir, Map.of(), false);

        assertThat(report.workflows().get(0).coverage()).filteredOn(coverage -> coverage.rollback().isPresent())
                .extracting(WorkflowReadiness.Coverage::type).containsExactly(FailureType.RETRIEVAL_FAILURE);
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void a_missing_folder_fails_the_check() {
        int exit = check(temp.resolve("nowhere"), Map.of());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("nowhere: the runbooks folder").contains("NOT READY (exit 1)");
    }
}
