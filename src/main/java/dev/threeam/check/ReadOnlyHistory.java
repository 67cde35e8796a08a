package dev.threeam.check;

import dev.threeam.classify.LabelledExample;
import dev.threeam.common.ThreeAmException;
import dev.threeam.config.Config;
import dev.threeam.drill.DrillHistory;
import dev.threeam.drill.DrillReport;
import dev.threeam.incident.LabelledExamples;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.WorkflowReadiness;
import dev.threeam.signal.SignalCoverage;
import dev.threeam.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jdbi.v3.core.JdbiException;

/**
 * Reads what the bot recorded where {@code DATABASE_URL} points, strictly read-only: nothing is migrated, created or
 * written. The drill history, the telemetry received for each threshold, the team's Q1 corrections. A SQLite file
 * that does not exist is "no database" (and is not created); a database without the table says so.
 */
final class ReadOnlyHistory {

    /** The drill history and the telemetry coverage, from one read of the database. */
    record History(Drills drills, Telemetry telemetry) {}

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");

    private ReadOnlyHistory() {}

    static History read(Config config, List<WorkflowReadiness> workflows, Instant now) {
        List<String> ids = workflows.stream().map(WorkflowReadiness::workflow).toList();
        String url = config.databaseUrl();
        String shown = masked(url);
        if (url.startsWith("jdbc:sqlite:") && !sqliteFileExists(url)) {
            String message = "no database at " + shown + "; set DATABASE_URL (and DATABASE_USER, DATABASE_PASSWORD) to the bot's";
            return new History(Drills.none(Drills.Source.NO_DATABASE, shown, message), withoutData(workflows, message));
        }
        try (Database database = Database.openReadOnly(url, config.databaseUser(), config.databasePassword())) {
            Drills drills = database.hasTable("drills")
                    ? Drills.read(shown, DrillReport.of(ids, new DrillHistory(database.jdbi()), now))
                    : Drills.none(Drills.Source.NO_DRILL_TABLE, shown, "the database at " + shown
                            + " has no drills table yet: no drill has been run there (3am creates the table when it"
                            + " starts on that database)");
            Telemetry telemetry = database.hasTable("signal_minutes")
                    ? coverage(workflows, runbook -> SignalCoverage.read(database.jdbi(), runbook), null)
                    : withoutData(workflows, "the database at " + shown + " has no telemetry tables yet (3am creates them"
                            + " when it starts on that database)");
            return new History(drills, telemetry);
        } catch (ThreeAmException | JdbiException e) {
            String why = shown + ": " + masked(String.valueOf(e.getMessage()).replace(url, shown));
            return new History(Drills.none(Drills.Source.UNREACHABLE, shown, "cannot read drills from " + why),
                    withoutData(workflows, "cannot read telemetry from " + why));
        }
    }

    /**
     * The team's Q1 corrections in the database, read-only; none when there is no such database yet (or it predates
     * them). A database that cannot be read is reported through {@code warn} and counts as none.
     */
    static List<LabelledExample> labelledExamples(Config config, Consumer<String> warn) {
        String url = config.databaseUrl();
        if (url.startsWith("jdbc:sqlite:") && !sqliteFileExists(url)) {
            return List.of();
        }
        try (Database database = Database.openReadOnly(url, config.databaseUser(), config.databasePassword())) {
            return database.hasTable("labelled_examples") ? LabelledExamples.read(database.jdbi()) : List.of();
        } catch (ThreeAmException | JdbiException e) {
            warn.accept("cannot read stored examples from " + masked(url) + ": " + masked(String.valueOf(e.getMessage())));
            return List.of();
        }
    }

    /** The URL as it may be printed: a {@code password=} parameter or {@code user:password@} masked. */
    static String masked(String url) {
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("//$1:***@");
    }

    private static Telemetry withoutData(List<WorkflowReadiness> workflows, String message) {
        return coverage(workflows, runbook -> SignalCoverage.of(runbook, List.of()), message);
    }

    private static Telemetry coverage(List<WorkflowReadiness> workflows, Function<Runbook, List<SignalCoverage.Line>> lines,
            String message) {
        Map<String, List<SignalCoverage.Line>> byWorkflow = new LinkedHashMap<>();
        workflows.forEach(workflow -> byWorkflow.put(workflow.workflow(), lines.apply(workflow.runbook())));
        return new Telemetry(message, byWorkflow);
    }

    private static boolean sqliteFileExists(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        int query = file.indexOf('?');
        file = query < 0 ? file : file.substring(0, query);
        return !file.isBlank() && !file.contains(":memory:") && Files.isRegularFile(Path.of(file));
    }
}
