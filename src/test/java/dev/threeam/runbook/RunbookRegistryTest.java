package dev.threeam.runbook;

import static dev.threeam.runbook.RunbookFiles.runbook;
import static dev.threeam.runbook.RunbookFiles.shopFrontMatter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threeam.classify.FailureType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookRegistryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private RunbookRegistry load(Path dir) {
        return RunbookRegistry.load(dir, RunbookFiles.ENV, false, CLOCK);
    }

    @Test
    void the_example_runbooks_load_without_errors() {
        RunbookRegistry registry = load(RunbookFiles.copyExamples(temp.resolve("runbooks")));

        assertThat(registry.ready()).isTrue();
        assertThat(registry.problems()).isEmpty();
        assertThat(registry.all()).extracting(Runbook::workflow)
                .containsExactly("code-assistant", "contract-review", "support-chat");
        Runbook support = registry.find("support-chat").orElseThrow();
        assertThat(support.sections()).containsKeys(FailureType.classified());
        assertThat(support.owner("engineering").orElseThrow().pagerduty()).isEqualTo("pd-helpdesk-key");
        assertThat(support.rollbacks()).allSatisfy(rollback -> assertThat(rollback.forTypes()).isNotEmpty());
    }

    @Test
    void the_example_runbooks_load_in_sandbox_mode_with_warnings_for_their_pager_keys() {
        Path dir = RunbookFiles.copyExamples(temp.resolve("runbooks"));

        RunbookRegistry registry = RunbookRegistry.load(dir, Map.of(), true, CLOCK);

        assertThat(registry.all()).hasSize(3);
        assertThat(registry.problems()).isNotEmpty().noneMatch(RunbookProblem::isError);
        assertThat(registry.find("code-assistant").orElseThrow().unresolved())
                .containsExactly("PD_KEY_DEVEX", "CODEGEN_INDEX_ROLLBACK_WEBHOOK_URL");
    }

    @Test
    void find_answers_to_workflow_ids_and_aliases_without_regard_to_case() {
        RunbookRegistry registry = load(RunbookFiles.copyExamples(temp.resolve("runbooks")));

        assertThat(registry.find("HELPDESK-BOT")).map(Runbook::workflow).contains("support-chat");
        assertThat(registry.find("clause-extractor")).map(Runbook::workflow).contains("contract-review");
        assertThat(registry.find("payments-api")).isEmpty();
    }

    @Test
    void a_bad_runbook_is_reported_and_the_others_keep_working() {
        Path dir = temp.resolve("runbooks");
        RunbookFiles.write(dir, "shop.md", runbook(shopFrontMatter()));
        RunbookFiles.write(dir, "broken.md", "---\nworkflow: [\n---\n");

        RunbookRegistry registry = load(dir);

        assertThat(registry.find("shop")).isPresent();
        assertThat(registry.ready()).isFalse();
        assertThat(registry.problems()).singleElement().asString().startsWith("runbooks/broken.md:");
    }

    @Test
    void reload_keeps_the_last_good_version_of_a_file_that_became_invalid() throws IOException {
        Path dir = temp.resolve("runbooks");
        Path file = RunbookFiles.write(dir, "shop.md", runbook(shopFrontMatter()));
        RunbookRegistry registry = load(dir);

        Files.writeString(file, runbook(shopFrontMatter().replace("[reviewer]", "[legal]")));
        ReloadResult result = registry.reload();

        assertThat(result.keptLastGood()).containsExactly("runbooks/shop.md");
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(RunbookProblem::toString)
                .anyMatch(problem -> problem.contains("escalation.policy_failure: role \"legal\" has no owner"))
                .anyMatch(problem -> problem.contains("still serving the last good version, loaded at 2026-11-28T02:00:00Z"));
        assertThat(registry.find("shop").orElseThrow().rolesFor(FailureType.POLICY_FAILURE)).containsExactly("reviewer");
        assertThat(registry.ready()).isTrue();
    }

    @Test
    void reload_serves_the_new_version_and_drops_removed_files() throws IOException {
        Path dir = temp.resolve("runbooks");
        Path shop = RunbookFiles.write(dir, "shop.md", runbook(shopFrontMatter()));
        Path other = RunbookFiles.write(dir, "other.md", runbook(shopFrontMatter()
                .replace("workflow: shop", "workflow: other").replace("[shop-bot]", "[other-bot]")));
        RunbookRegistry registry = load(dir);

        Files.writeString(shop, runbook(shopFrontMatter().replace("[shop-bot]", "[shop-bot, storefront]")));
        Files.delete(other);
        ReloadResult result = registry.reload();

        assertThat(result.removed()).containsExactly("runbooks/other.md");
        assertThat(registry.find("storefront")).map(Runbook::workflow).contains("shop");
        assertThat(registry.find("other")).isEmpty();
    }

    @Test
    void a_workflow_claimed_by_two_files_fails_the_second_one() {
        Path dir = temp.resolve("runbooks");
        RunbookFiles.write(dir, "a-shop.md", runbook(shopFrontMatter()));
        RunbookFiles.write(dir, "b-shop.md", runbook(shopFrontMatter().replace("[shop-bot]", "[]")));

        RunbookRegistry registry = load(dir);

        assertThat(registry.all()).singleElement().satisfies(runbook ->
                assertThat(runbook.file().getFileName()).hasToString("a-shop.md"));
        assertThat(registry.problems()).extracting(RunbookProblem::toString).containsExactly(
                "runbooks/b-shop.md:2 workflow: \"shop\" is already the workflow or an alias in runbooks/a-shop.md;"
                        + " workflow ids must be unique");
    }

    @Test
    void a_missing_folder_is_reported_without_a_crash() {
        RunbookRegistry registry = load(temp.resolve("nowhere"));

        assertThat(registry.ready()).isFalse();
        assertThat(registry.all()).isEmpty();
        assertThat(registry.problems()).singleElement().asString()
                .startsWith("nowhere: the runbooks folder ").endsWith("does not exist or cannot be read; set RUNBOOKS_DIR");
    }

    @Test
    void watch_reloads_when_a_file_changes() throws IOException {
        Path dir = temp.resolve("runbooks");
        Path file = RunbookFiles.write(dir, "shop.md", runbook(shopFrontMatter()));
        try (RunbookRegistry registry = load(dir)) {
            registry.watch();

            Files.writeString(file, runbook(shopFrontMatter().replace("[shop-bot]", "[shop-bot, storefront]")));

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> registry.find("storefront").isPresent());
        }
    }
}
