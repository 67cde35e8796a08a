package dev.threeam;

import dev.threeam.classify.ClassifyReplay;
import dev.threeam.common.ThreeAmException;
import dev.threeam.config.Config;
import dev.threeam.drill.DrillHistory;
import dev.threeam.drill.DrillReport;
import dev.threeam.runbook.HandoverReport;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.runbook.WorkflowMatcher;
import dev.threeam.runbook.WorkflowReadiness;
import dev.threeam.store.Database;
import java.time.Instant;
import java.util.List;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code java -jar threeam.jar [serve]} runs the bot; {@code check [DIR]} prints the handover report. */
@Command(name = "threeam", mixinStandardHelpOptions = true, version = "3am 0.1.0",
        description = "Runs incidents in production AI systems from Slack.",
        subcommands = {Main.Serve.class, Main.Check.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        return new Serve().call();
    }

    @Command(name = "serve", description = "Run the bot (sandbox mode without SLACK_BOT_TOKEN).")
    static final class Serve implements Callable<Integer> {
        @Override
        public Integer call() throws InterruptedException {
            Config config = Config.fromEnvironment();
            ThreeAm app;
            try {
                app = new ThreeAm(config, Clock.systemUTC()).start();
            } catch (ThreeAmException e) {
                System.err.println("3am cannot start: " + e.getMessage());
                return 2;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close(); // SIGTERM: stop taking requests, drain what is in hand (bounded), then exit
                stopped.countDown();
            }, "shutdown"));
            String base = "http://localhost:" + app.port();
            if (config.sandbox()) {
                System.out.println("3am is running in sandbox mode: open " + base + "/sandbox  —  fire a sample alert with: curl -X POST "
                        + base + "/alerts -H 'Content-Type: application/json' -d '{\"workflow\":\"support-chat\",\"title\":\"Faithfulness 0.71 < 0.85\",\"severity\":\"critical\",\"labels\":{\"metric\":\"faithfulness\"}}'");
            } else {
                System.out.println("3am is running on " + base + " (" + (config.socketMode() ? "Socket Mode" : "HTTP mode, Slack events at /slack/events") + ")");
            }
            stopped.await();
            return 0;
        }
    }

    @Command(name = "check", description = "Validate runbooks and print the handover report; exit 1 when a workflow is not ready.")
    static final class Check implements Callable<Integer> {
        @Parameters(arity = "0..*", description = "runbooks folder (default: RUNBOOKS_DIR or ./runbooks); "
                + "with --classify, labelled corpus folders")
        List<Path> dirs = List.of();

        @Option(names = "--classify", description = "replay labelled corpus folders and stored Q1 corrections: "
                + "accuracy per type and a confusion table; exit 1 below --min or any type under 85%")
        boolean classify;

        @Option(names = "--min", defaultValue = "0.95", description = "with --classify: the overall accuracy to reach")
        double min;

        @Option(names = "--require-drills", description = "fail when a failure type has no passed drill in the last 90 days")
        boolean requireDrills;

        @Override
        public Integer call() {
            Config config = Config.fromEnvironment();
            if (classify) {
                return ClassifyReplay.run(dirs, min, List::of, folder -> WorkflowMatcher.workflows(RunbookRegistry.load(
                        folder, config.environment(), true, Clock.systemUTC()).all()), config.runbooksDir(), System.out, System.err);
            }
            Path runbooks = dirs.isEmpty() ? config.runbooksDir() : dirs.get(0);
            int exit = HandoverReport.run(runbooks, config.environment(), System.out);
            List<String> workflows = HandoverReport.of(runbooks, config.environment(), false).workflows().stream()
                    .map(WorkflowReadiness::workflow).toList();
            if (!databaseExists(config.databaseUrl())) {
                System.out.println("\nDrill history: none (no database at " + config.databaseUrl() + "; set DATABASE_URL to the bot's)");
                return requireDrills && !workflows.isEmpty() ? 1 : exit;
            }
            Database database = Database.open(config.databaseUrl(), config.databaseUser(), config.databasePassword());
            boolean drilled = DrillReport.print(workflows, new DrillHistory(database.jdbi()), Instant.now(), requireDrills, System.out);
            return exit != 0 ? exit : drilled ? 0 : 1;
        }

        private static boolean databaseExists(String url) {
            if (!url.startsWith("jdbc:sqlite:")) {
                return true;
            }
            String file = url.substring("jdbc:sqlite:".length());
            return !file.isBlank() && !file.contains(":memory:") && java.nio.file.Files.exists(Path.of(file.replaceFirst("\\?.*$", "")));
        }
    }
}
