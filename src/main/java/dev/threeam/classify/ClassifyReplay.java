package dev.threeam.classify;

import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertParsers;
import dev.threeam.common.BadInputException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code check --classify [DIR…] [--min 0.95]}: replays every case of labelled corpus folders and every stored
 * labelled example through the real parsers, the real runbook matching and the classifier, and prints accuracy per
 * type (failure type and workflow) and a confusion table per source, then for all of them together.
 *
 * <p>Exit code: 0 when overall type and workflow accuracy reach {@code --min} and every expected type reaches
 * {@value #TYPE_FLOOR}; 1 otherwise; 2 for usage and I/O errors (no such folder, no readable
 * {@code expected.json}, nothing to replay). Bad payloads are skipped and named, never fatal.
 */
public final class ClassifyReplay {

    public static final double TYPE_FLOOR = 0.85;
    public static final double DEFAULT_MIN = 0.95;

    private final Classifier classifier;
    private final AlertParsers parsers;
    private final Function<Path, Workflows> runbooksIn;
    private final Path defaultRunbooks;

    /**
     * @param runbooksIn      reads the runbooks of a folder (the runbook package's matching)
     * @param defaultRunbooks the runbooks of folders without their own {@code runbooks/}, and of stored examples
     */
    public ClassifyReplay(Classifier classifier, AlertParsers parsers, Function<Path, Workflows> runbooksIn,
                          Path defaultRunbooks) {
        this.classifier = classifier;
        this.parsers = parsers;
        this.runbooksIn = runbooksIn;
        this.defaultRunbooks = defaultRunbooks;
    }

    /** Runs the command: prints the report to {@code out}, errors to {@code err}, and answers the exit code. */
    public static int run(List<Path> folders, double min, Supplier<List<LabelledExample>> stored,
                          Function<Path, Workflows> runbooksIn, Path defaultRunbooks, PrintStream out, PrintStream err) {
        if (min < 0 || min > 1) {
            err.println("--min: expected a share between 0 and 1 (0.95 for 95%), got " + min);
            return 2;
        }
        try {
            ReplayReport report = new ClassifyReplay(new Classifier(), new AlertParsers(), runbooksIn, defaultRunbooks)
                    .replay(folders, stored.get());
            if (report.total().total() == 0) {
                report.print(out, min);
                err.println("nothing to replay: give a labelled corpus folder (alerts/*.json + alerts/expected.json)"
                        + " or store labelled examples by correcting Q1");
                return 2;
            }
            report.print(out, min);
            return report.passes(min) ? 0 : 1;
        } catch (BadInputException e) {
            err.println("check --classify: " + e.getMessage());
            return 2;
        }
    }

    /** Replays each folder, then the stored examples. */
    public ReplayReport replay(List<Path> folders, List<LabelledExample> stored) {
        List<ReplaySection> sections = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new BadInputException(folder + ": no such folder");
            }
            LabelledCorpus corpus = LabelledCorpus.read(folder, parsers);
            Workflows workflows = runbooksIn.apply(corpus.runbooks().orElse(defaultRunbooks));
            sections.add(replay(folder.toString(), corpus.cases(), corpus.skipped(), workflows));
        }
        if (!stored.isEmpty()) {
            sections.add(replayStored(stored));
        }
        return new ReplayReport(sections);
    }

    /** Replays cases against the given runbooks. */
    public ReplaySection replay(String name, List<ReplayCase> cases, List<LabelledCorpus.Skipped> skipped,
                                Workflows workflows) {
        ConfusionTable table = new ConfusionTable();
        List<String> misses = new ArrayList<>();
        for (ReplayCase replayCase : cases) {
            Alert alert = replayCase.alert();
            WorkflowContext context = workflows.match(alert);
            Classification got = classifier.classify(alert, context);
            String workflow = context.workflow() != null ? context.workflow() : alert.workflow();
            boolean workflowMatched = Objects.equals(workflow, replayCase.expectedWorkflow());
            table.add(replayCase.expectedType(), got.failureType(), workflowMatched);
            if (got.failureType() != replayCase.expectedType()) {
                misses.add(String.format(Locale.ROOT, "%s: expected %s, got %s (%.2f%s) — %s", replayCase.name(),
                        replayCase.expectedType().id(), got.failureType().id(), got.confidence(),
                        got.runnerUp().map(type -> ", runner-up " + type.id()).orElse(""), got.evidence()));
            }
            if (!workflowMatched) {
                misses.add(replayCase.name() + ": workflow " + workflow + ", expected " + replayCase.expectedWorkflow());
            }
        }
        return new ReplaySection(name, table, misses, skipped);
    }

    private ReplaySection replayStored(List<LabelledExample> stored) {
        List<ReplayCase> cases = new ArrayList<>();
        List<LabelledCorpus.Skipped> skipped = new ArrayList<>();
        for (LabelledExample example : stored) {
            try {
                cases.add(new ReplayCase(example.describe(), example.alert(), example.failureType(), example.workflow()));
            } catch (BadInputException e) {
                skipped.add(new LabelledCorpus.Skipped(example.describe(), e.getMessage()));
            }
        }
        return replay("stored labelled examples", cases, skipped, runbooksIn.apply(defaultRunbooks));
    }
}
