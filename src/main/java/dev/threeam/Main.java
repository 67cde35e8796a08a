package dev.threeam;

import dev.threeam.check.CheckFormat;
import dev.threeam.check.CheckRequest;
import dev.threeam.check.HandoverCheck;
import dev.threeam.classify.ClassifyReplay;
import dev.threeam.common.ThreeAmException;
import dev.threeam.config.Config;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.runbook.WorkflowMatcher;
import java.util.List;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code java -jar threeam.jar [serve]} runs the bot; {@code check [DIR]} judges the runbooks ({@code dev.threeam.check}). */
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
            System.out.println(StartupLine.of(config, app.host(), app.port(), app.externalCalls()));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = {
            "Validate runbooks and print the handover report, without needing the secrets they reference.",
            "Exit code: 0 ready, 1 not ready, 2 usage or I/O error (unknown format, unreadable folder or database)."})
    static final class Check implements Callable<Integer> {
        @Parameters(arity = "0..*", description = "runbooks folder (default: RUNBOOKS_DIR or ./runbooks); "
                + "with --classify, labelled corpus folders")
        List<Path> dirs = List.of();

        @Option(names = "--classify", description = "replay labelled corpus folders and stored Q1 corrections: "
                + "accuracy per type and a confusion table; exit 1 below --min or any type under 85%%")
        boolean classify;

        @Option(names = "--min", defaultValue = "0.95", description = "with --classify: the overall accuracy to reach")
        double min;

        @Option(names = "--format", defaultValue = "text", converter = FormatConverter.class,
                description = "text (default), json, github (workflow commands for GitHub Actions) or junit (JUnit XML)")
        CheckFormat format;

        @Option(names = "--strict-env", description = "a $${NAME} whose variable is not set is an error, not a warning")
        boolean strictEnv;

        @Option(names = "--require-drills", description = "fail when a failure type has no passed drill in the last 90 days"
                + " (reads DATABASE_URL read-only)")
        boolean requireDrills;

        @Override
        public Integer call() {
            if (classify) {
                Config config = Config.fromEnvironment();
                return ClassifyReplay.run(dirs, min, () -> HandoverCheck.onConsole(Clock.systemUTC()).labelledExamples(config), folder -> WorkflowMatcher.workflows(RunbookRegistry.load(
                        folder, config.environment(), true, Clock.systemUTC()).all()), config.runbooksDir(), utf8(java.io.FileDescriptor.out), utf8(java.io.FileDescriptor.err));
            }
            if (dirs.size() > 1) {
                System.err.println("3am check: one runbooks folder, got " + dirs.size() + " (several folders go with --classify)");
                return 2;
            }
            return HandoverCheck.onConsole(Clock.systemUTC())
                    .run(new CheckRequest(dirs.isEmpty() ? null : dirs.get(0), format, strictEnv, requireDrills), Config::fromEnvironment);
        }

        /** Printed in UTF-8 whatever the platform's default charset (a CI runner's may be ASCII). */
        private static java.io.PrintStream utf8(java.io.FileDescriptor descriptor) {
            return new java.io.PrintStream(new java.io.FileOutputStream(descriptor), true, java.nio.charset.StandardCharsets.UTF_8);
        }

        static final class FormatConverter implements CommandLine.ITypeConverter<CheckFormat> {
            @Override
            public CheckFormat convert(String value) {
                return CheckFormat.fromId(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                        "expected one of " + CheckFormat.ids() + ", got \"" + value + "\""));
            }
        }
    }
}
