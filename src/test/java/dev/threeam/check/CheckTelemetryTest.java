package dev.threeam.check;

import static dev.threeam.check.CheckCommandTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.store.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} says, per workflow, which runbook thresholds 3am executes from the telemetry it received and which
 * have no data yet, read from the bot's database without writing to it.
 */
class CheckTelemetryTest {

    private static final Instant MINUTE = Instant.parse("2026-12-02T14:03:00Z");

    @TempDir
    Path temp;

    @Test
    void a_threshold_with_telemetry_is_executed_and_one_without_says_no_data_yet() {
        Workspace workspace = Workspace.at(temp).withProjectRunbooks();
        Path file = temp.resolve("threeam.db");
        try (Database database = Database.open("jdbc:sqlite:" + file, null, null)) {
            minute(database, "support-chat", "latency", 240);
            minute(database, "support-chat", "latency", 60, MINUTE.minus(1, ChronoUnit.MINUTES));
        }
        CheckProcess process = CheckProcess.in(workspace.root()).env("DATABASE_URL", "jdbc:sqlite:" + file);

        CheckProcess.Run text = process.check("runbooks/");
        assertThat(text.stdout()).contains("thresholds from telemetry (3am executes them on OTLP data):")
                .containsPattern("latency\\.p95_seconds +executed: data until 2026-12-02 14:03 UTC \\(300 samples\\)")
                .containsPattern("budgets\\.usd_per_day +no data yet")
                .containsPattern("quality\\.helpfulness +no data yet");

        JsonNode report = json(process.check("--format", "json", "runbooks/"));
        assertThat(report.at("/telemetry/read").asBoolean()).isTrue();
        JsonNode support = workflow(report, "support-chat");
        JsonNode latency = threshold(support, "latency.p95_seconds");
        assertThat(latency.get("has_data").asBoolean()).isTrue();
        assertThat(latency.get("samples").asLong()).isEqualTo(300);
        assertThat(threshold(support, "latency.ttft_p95_seconds").get("has_data").asBoolean()).isFalse();

        String notice = process.check("--format", "github", "runbooks/").stdout().lines()
                .filter(line -> line.contains("title=support-chat%3A thresholds without telemetry")).findFirst().orElseThrow();
        assertThat(notice).contains("::no OTLP data yet for ").contains("budgets.usd_per_day").doesNotContain("latency.p95_seconds");
    }

    @Test
    void without_a_database_every_threshold_is_listed_as_not_read_and_the_reason_is_given_once() {
        Workspace workspace = Workspace.at(temp).withProjectRunbooks();
        CheckProcess.Run run = CheckProcess.in(workspace.root()).env("DATABASE_URL", "jdbc:sqlite:" + temp.resolve("none.db"))
                .check("runbooks/");

        assertThat(run.stdout()).contains("thresholds from telemetry (3am executes them on OTLP data) — no database at")
                .containsPattern("latency\\.p95_seconds +not read");
        assertThat(temp.resolve("none.db")).doesNotExist();
    }

    private static void minute(Database database, String workflow, String series, long samples) {
        minute(database, workflow, series, samples, MINUTE);
    }

    private static void minute(Database database, String workflow, String series, long samples, Instant at) {
        database.jdbi().useHandle(handle -> handle.createUpdate("""
                INSERT INTO signal_minutes (workflow, series, minute_at, total, samples, errors)
                VALUES (:workflow, :series, :at, :total, :samples, 0)""")
                .bind("workflow", workflow).bind("series", series).bind("at", at.toEpochMilli())
                .bind("total", samples * 1.5).bind("samples", samples).execute());
    }

    private static JsonNode workflow(JsonNode report, String id) {
        for (JsonNode workflow : report.get("workflows")) {
            if (workflow.get("workflow").asText().equals(id)) {
                return workflow;
            }
        }
        throw new AssertionError("no workflow " + id + " in " + report);
    }

    private static JsonNode threshold(JsonNode workflow, String id) {
        for (JsonNode line : workflow.get("telemetry")) {
            if (line.get("threshold").asText().equals(id)) {
                return line;
            }
        }
        throw new AssertionError("no threshold " + id + " in " + workflow);
    }
}
