package dev.threeam.check;

import dev.threeam.classify.LabelledExample;
import dev.threeam.common.ThreeAmException;
import dev.threeam.config.Config;
import dev.threeam.runbook.HandoverReport;
import dev.threeam.runbook.UnsetVariables;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code check} command: reads the runbooks (a variable that is not set is a warning unless
 * {@code --strict-env}), reads the drill history and the telemetry received read-only, prints the result in the format asked, and returns
 * the exit code: 0 ready, 1 not ready, 2 usage or I/O error.
 */
public final class HandoverCheck {

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Path workingDir;

    public HandoverCheck(PrintStream out, PrintStream err, Clock clock, Path workingDir) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.workingDir = workingDir;
    }

    /** Prints to this process's stdout and stderr in UTF-8, whatever the platform's default charset. */
    public static HandoverCheck onConsole(Clock clock) {
        return new HandoverCheck(utf8(FileDescriptor.out), utf8(FileDescriptor.err), clock, Path.of(""));
    }

    /** Runs the check with the settings {@code config} reads (a bad setting is a usage error: exit 2). */
    public int run(CheckRequest request, Supplier<Config> config) {
        Config settings;
        try {
            settings = config.get();
        } catch (ThreeAmException e) {
            return usageError(e.getMessage());
        }
        CheckResult result = check(request, settings);
        out.print(request.format().render(result));
        out.flush();
        result.ioError().ifPresent(message -> err.println("3am check: " + message));
        err.flush();
        return result.exitCode();
    }

    /** The result, without printing it. */
    public CheckResult check(CheckRequest request, Config config) {
        Path dir = request.dir() != null ? request.dir() : config.runbooksDir();
        HandoverReport handover = HandoverReport.of(dir, config.environment(),
                request.strictEnv() ? UnsetVariables.ERROR : UnsetVariables.NEEDED_AT_RUN_TIME);
        ReadOnlyHistory.History history = ReadOnlyHistory.read(config, handover.workflows(), clock.instant());
        return new CheckResult(handover, history.drills(), history.telemetry(), request.strictEnv(), request.requireDrills(), workingDir);
    }

    /** The team's Q1 corrections stored in the bot's database (read-only), for {@code check --classify}. */
    public List<LabelledExample> labelledExamples(Config config) {
        return ReadOnlyHistory.labelledExamples(config, message -> err.println("3am check --classify: " + message));
    }

    private int usageError(String message) {
        err.println("3am check: " + message);
        err.flush();
        return CheckResult.USAGE_OR_IO_ERROR;
    }

    private static PrintStream utf8(FileDescriptor descriptor) {
        return new PrintStream(new FileOutputStream(descriptor), true, StandardCharsets.UTF_8);
    }
}
