package dev.threeam.runbook;

import dev.threeam.alert.Alert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runbooks of one folder, safe to read from any thread. A bad file never throws out of {@link #load} or
 * {@link #reload()}: it is reported in {@link #problems()}, the other files keep working, and a file that
 * becomes invalid keeps being served in its last good version.
 */
public final class RunbookRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunbookRegistry.class);
    private static final Duration DEBOUNCE = Duration.ofMillis(300);

    private final Path dir;
    private final RunbookParser parser;
    private final Clock clock;
    private final Map<Path, Runbook> lastGood = new HashMap<>();
    private final Map<Path, Instant> loadedAt = new HashMap<>();
    private volatile State state = new State(List.of(), List.of(), false);
    private RunbookWatcher watcher;

    private RunbookRegistry(Path dir, Map<String, String> env, UnsetVariables unset, Clock clock) {
        this.dir = dir;
        this.parser = new RunbookParser(dir, env, unset);
        this.clock = clock;
    }

    /** Loads every {@code *.md} of {@code dir}; {@code env} fills {@code ${NAME}}; sandbox makes missing ones warnings. */
    public static RunbookRegistry load(Path dir, Map<String, String> env, boolean sandbox, Clock clock) {
        RunbookRegistry registry = new RunbookRegistry(dir, env, UnsetVariables.forServe(sandbox), clock);
        registry.reload();
        return registry;
    }

    /** A registry that has read nothing yet: {@link #reload()} or {@link #parseFolder()} reads. */
    static RunbookRegistry unloaded(Path dir, Map<String, String> env, UnsetVariables unset, Clock clock) {
        return new RunbookRegistry(dir, env, unset, clock);
    }

    /** The runbook whose workflow id is {@code workflowOrAlias}, else the one with that alias (case-insensitive). */
    public Optional<Runbook> find(String workflowOrAlias) {
        if (workflowOrAlias == null || workflowOrAlias.isBlank()) {
            return Optional.empty();
        }
        return state.index().find(workflowOrAlias);
    }

    /** The runbook an alert belongs to, and what was looked at. */
    public WorkflowMatch match(Alert alert) {
        return WorkflowMatcher.match(alert, state.index());
    }

    /** Every runbook served, by workflow id. */
    public List<Runbook> all() {
        return state.runbooks();
    }

    /** The problems of the last load, warnings included. */
    public List<RunbookProblem> problems() {
        return state.problems();
    }

    /** True when the folder was readable and every runbook file has a version loaded (its current or last good one). */
    public boolean ready() {
        return state.ready();
    }

    public Path dir() {
        return dir;
    }

    /** Re-reads every file. A file that became invalid keeps its last good version, and its problems are reported. */
    public synchronized ReloadResult reload() {
        Optional<List<ParsedRunbook>> parsed = parseFolder();
        if (parsed.isEmpty()) {
            List<RunbookProblem> problems = List.of(folderProblem());
            state = new State(sorted(lastGood.values()), problems, false);
            return new ReloadResult(List.of(), lastGood.keySet().stream().map(this::name).sorted().toList(), List.of(),
                    List.of(), problems);
        }
        return apply(parsed.get(), parsed.get().stream().map(ParsedRunbook::file).toList());
    }

    /**
     * Reads and checks every runbook file of the folder (each alone, then across files) without serving any of
     * them; empty when the folder cannot be read ({@link #folderProblem()} says so).
     */
    Optional<List<ParsedRunbook>> parseFolder() {
        return listFiles().map(files -> RunbookValidator.checkAcross(
                files.stream().map(file -> parser.parse(file, name(file))).toList()));
    }

    /** The error of a folder that does not exist or cannot be read. */
    RunbookProblem folderProblem() {
        return RunbookProblem.error(dirName(), 0, "", "the runbooks folder " + dir.toAbsolutePath().normalize()
                + " does not exist or cannot be read; set RUNBOOKS_DIR");
    }

    private ReloadResult apply(List<ParsedRunbook> parsed, List<Path> files) {
        Instant now = clock.instant();
        Map<Path, Runbook> next = new LinkedHashMap<>();
        List<RunbookProblem> problems = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (ParsedRunbook file : parsed) {
            problems.addAll(file.problems());
            if (file.runbook().isPresent()) {
                next.put(file.file(), file.runbook().get());
                loadedAt.put(file.file(), now);
                loaded.add(file.name());
            } else if (file.failed() && lastGood.containsKey(file.file())) {
                next.put(file.file(), lastGood.get(file.file()));
                kept.add(file.name());
                problems.add(RunbookProblem.warning(file.name(), 0, "", "still serving the last good version, loaded at "
                        + loadedAt.get(file.file()).truncatedTo(ChronoUnit.SECONDS) + "; fix the errors above"));
            } else if (file.failed()) {
                failed.add(file.name());
            }
        }
        List<String> removed = lastGood.keySet().stream().filter(file -> !files.contains(file)).map(this::name)
                .sorted().toList();
        lastGood.clear();
        lastGood.putAll(next);
        loadedAt.keySet().retainAll(next.keySet());
        state = new State(sorted(next.values()), problems, failed.isEmpty());
        ReloadResult result = new ReloadResult(loaded, kept, failed, removed, problems);
        LOG.info("Runbooks in {}: {}", dir, result.summary());
        return result;
    }

    /**
     * Starts a daemon thread that reloads when a file of the folder changes (debounced ~300 ms). Does nothing
     * when already watching; a folder that cannot be watched is logged and left unwatched.
     */
    public synchronized void watch() {
        if (watcher != null) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            LOG.warn("Not watching {} for runbook changes: it is not a folder", dir.toAbsolutePath());
            return;
        }
        watcher = new RunbookWatcher(dir, this::reload, DEBOUNCE);
    }

    /** Stops watching. */
    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    /** How problems name a file of this folder: {@code runbooks/support.md}. */
    String name(Path file) {
        return dirName() + "/" + file.getFileName();
    }

    private String dirName() {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    private Optional<List<Path>> listFiles() {
        if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return Optional.of(entries.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".md"))
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted().toList());
        } catch (IOException e) {
            LOG.warn("Cannot list runbooks in {}: {}", dir, e.getMessage());
            return Optional.empty();
        }
    }

    private static List<Runbook> sorted(java.util.Collection<Runbook> runbooks) {
        return runbooks.stream().sorted(Comparator.comparing(Runbook::workflow)).toList();
    }

    private record State(List<Runbook> runbooks, List<RunbookProblem> problems, boolean ready, RunbookIndex index) {
        State(List<Runbook> runbooks, List<RunbookProblem> problems, boolean ready) {
            this(runbooks, problems, ready, new RunbookIndex(runbooks));
        }
    }
}
