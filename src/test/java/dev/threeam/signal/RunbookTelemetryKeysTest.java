package dev.threeam.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.runbook.ParsedRunbook;
import dev.threeam.runbook.PriceFile;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookParser;
import dev.threeam.runbook.RunbookProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runbook keys 3am executes from telemetry: read when right, named file:line key when wrong. */
class RunbookTelemetryKeysTest {

    static final String HEAD = """
            ---
            workflow: support-chat
            owners:
              engineering: {slack: [S0HELPDESK]}
            """;

    @TempDir
    Path dir;

    ParsedRunbook parse(String keys) {
        return new RunbookParser(dir, Map.of(), false).parse(dir.resolve("support-chat.md"), "runbooks/support-chat.md",
                HEAD + keys + "---\n# body\n");
    }

    List<String> problems(String keys) {
        return parse(keys).problems().stream().map(RunbookProblem::toString).toList();
    }

    @Test
    void windows_holds_sample_counts_tools_and_prices_are_read() {
        Runbook runbook = parse("""
                quality_signals:
                  - {metric: faithfulness, threshold: ">= 0.85", window: 15m, for: 5m, min_samples: 30}
                budgets: {usd_per_hour: 150, usd_per_day: 1000, for: 1m}
                latency: {p95_seconds: 4, window: 5m}
                tools: {error_rate: "< 0.05", min_samples: 20}
                prices:
                  GPT-4o: {input: 2.5, output: 10}
                """).runbook().orElseThrow();
        assertThat(runbook.qualitySignals().get(0).evaluation().window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(runbook.qualitySignals().get(0).evaluation().holdFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(runbook.qualitySignals().get(0).evaluation().minSamples()).isEqualTo(30);
        assertThat(runbook.budgets()).containsOnlyKeys("usd_per_hour", "usd_per_day");
        assertThat(runbook.telemetry().budgets().holdFor()).isEqualTo(Duration.ofMinutes(1));
        assertThat(runbook.latency()).containsOnlyKeys("p95_seconds");
        assertThat(runbook.telemetry().latency().window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(runbook.telemetry().tools().errorRate()).isEqualTo("< 0.05");
        assertThat(runbook.telemetry().prices().get("gpt-4o").output()).isEqualTo(10.0);

        List<Threshold> thresholds = Thresholds.of(runbook);
        assertThat(thresholds).extracting(Threshold::id).containsExactly("budgets.usd_per_hour", "budgets.usd_per_day",
                "latency.p95_seconds", "quality.faithfulness");
        assertThat(thresholds.get(2).holdFor()).isEqualTo(Thresholds.DEFAULT_HOLD);
        assertThat(thresholds.get(2).minSamples()).isEqualTo(Thresholds.DEFAULT_MIN_SAMPLES);
        assertThat(Thresholds.tool(runbook, "lookup_order").window()).isEqualTo(Thresholds.DEFAULT_WINDOW);
    }

    @Test
    void bad_settings_are_errors_naming_the_key_and_unwatched_budgets_are_warnings() {
        assertThat(problems("""
                latency: {p95_seconds: 4, window: soon, min_samples: 0}
                tools: {error_rate: 0.05}
                budgets: {usd_per_week: 900}
                prices:
                  gpt-4o: {input: 2.5}
                """)).containsExactlyInAnyOrder(
                "runbooks/support-chat.md:5 latency.window: expected a duration like 30s, 10m or 2h, got \"soon\"",
                "runbooks/support-chat.md:5 latency.min_samples: expected a whole number of 1 or more, got 0",
                "runbooks/support-chat.md:6 tools.error_rate: \"0.05\" is not a threshold; write a comparison and a number, quoted: \"< 0.05\"",
                "runbooks/support-chat.md:7 budgets.usd_per_week: not watched from telemetry (3am executes [tokens_per_hour, usd_per_day, usd_per_hour])",
                "runbooks/support-chat.md:9 prices.gpt-4o.output: required: USD per million output tokens");
        assertThat(parse("latency: {p95_seconds: 4, for: 2d}\n").runbook()).isEmpty();
    }

    @Test
    void the_shared_price_file_is_read_and_a_model_takes_the_longest_priced_prefix() throws Exception {
        Files.writeString(dir.resolve("prices.yml"), """
                # USD per million tokens
                gpt-4o: {input: 2.5, output: 10}
                gpt-4o-mini: {input: 0.15, output: 0.6}
                """);
        PriceFile.Loaded loaded = PriceFile.read(dir.resolve("prices.yml"));
        assertThat(loaded.problems()).isEmpty();
        assertThat(PriceBook.find(loaded.prices(), "gpt-4o-mini-2024-07-18").orElseThrow().output()).isEqualTo(0.6);
        assertThat(PriceBook.find(loaded.prices(), "gpt-4o-2024-08-06").orElseThrow().output()).isEqualTo(10.0);
        assertThat(PriceBook.find(loaded.prices(), "claude-sonnet-4")).isEmpty();

        Files.writeString(dir.resolve("prices.yml"), "gpt-4o: {input: -1, output: 10}\n");
        assertThat(PriceFile.read(dir.resolve("prices.yml")).problems()).extracting(RunbookProblem::toString)
                .containsExactly(dir.getFileName() + "/prices.yml:1 gpt-4o.input: expected a price of 0 or more (USD per million tokens), got -1");
    }
}
