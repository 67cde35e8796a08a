package dev.threeam.incident;

import dev.threeam.alert.Alert;
import dev.threeam.classify.Classifier;
import dev.threeam.classify.FailureType;
import dev.threeam.common.Sentence;
import dev.threeam.common.Text;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.store.Database;
import dev.threeam.store.WriterFirst;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The one door to incidents. Commands open, join and reopen incidents from alerts, move them through their
 * lifecycle and record answers, actions and what Slack did with their messages; each runs in one transaction that
 * also writes the timeline and the outbox rows that show it ({@link IncidentUpdate}). Queries read incidents, their
 * alerts, answers and timeline. Nothing outside this package touches the incident tables.
 */
public final class IncidentService implements AutoCloseable {

    private final Jdbi jdbi;
    private final Clock clock;
    private final IncidentSettings settings;
    private final AlertIntake intake;
    private final Triage triage;

    /** {@code changeLabel}: a change's full "kind: summary" by id (Q2 records it rather than a cut button label). */
    public IncidentService(Jdbi jdbi, RunbookRegistry runbooks, Classifier classifier, Clock clock, IncidentSettings settings,
            Function<Long, Optional<String>> changeLabel) {
        this(jdbi, runbooks, classifier, clock, settings, changeLabel, WriterFirst.NONE);
    }

    /** {@code writerFirst}: the alert writer goes first for the database's connection (SQLite). */
    public IncidentService(Jdbi jdbi, RunbookRegistry runbooks, Classifier classifier, Clock clock, IncidentSettings settings,
            Function<Long, Optional<String>> changeLabel, WriterFirst writerFirst) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.settings = settings;
        this.intake = new AlertIntake(jdbi, runbooks, classifier, clock, settings, writerFirst);
        this.triage = new Triage(changeLabel);
        Database.prepare(jdbi, IntakeStore.class, IncidentStore.class, AnswerStore.class, ThreadStore.class, IncidentLookup.class,
                TimelineStore.class, ExampleStore.class, LabelledExampleStore.class);
    }

    public IncidentSettings settings() {
        return settings;
    }

    // ---- alerts

    /** Alerts handed to the writer and not yet committed (the queue a full writer answers 503 from). */
    public int alertsWaiting() {
        return intake.waiting();
    }

    /** Writes the alerts and answers once they are committed (or refuses at once with {@code Overloaded}). */
    public IngestResult ingest(List<Alert> alerts) {
        return intake.ingest(alerts);
    }

    /**
     * As {@link #ingest}, without holding the caller's thread: the future completes once the alerts are committed;
     * an overload is refused at once ({@link dev.threeam.common.Overloaded}), before anything is queued.
     */
    public java.util.concurrent.CompletableFuture<IngestResult> ingestAsync(List<Alert> alerts) {
        return intake.ingestAsync(alerts);
    }

    /** A drill of {@code realType}, opened from a synthetic alert; never merged with a real incident. */
    public String openDrill(Alert synthetic, FailureType realType, String declaredBy) {
        return intake.openDrill(synthetic, realType, declaredBy);
    }

    // ---- lifecycle and the five questions

    public Outcome acknowledge(String incidentId, String user) {
        return update(incidentId, update -> Lifecycle.acknowledge(update, user));
    }

    public Outcome mitigate(String incidentId, String user) {
        return update(incidentId, update -> Lifecycle.mitigate(update, user));
    }

    /** Resolves unless the resume gate is closed; {@code reviewers} names who may open it, for the refusal. */
    public Outcome resolve(String incidentId, String user, Sentence reviewers) {
        return update(incidentId, update -> Lifecycle.resolve(update, user, reviewers));
    }

    /** The caller has checked that {@code user} is a reviewer. */
    public Outcome approveResume(String incidentId, String user) {
        return update(incidentId, update -> Lifecycle.approveResume(update, user));
    }

    public Outcome endDrill(String incidentId, String reason) {
        return update(incidentId, update -> Lifecycle.endDrill(update, reason));
    }

    /** @param value the button's value (a failure type, a change id or {@code none}, {@code yes}/{@code no}, a set) */
    public Outcome answer(String incidentId, Question question, String value, String label, String user) {
        return update(incidentId, update -> triage.answer(update, question, value, label, user));
    }

    /** Records an answer given by an action (Q3 by a rollback press) in the caller's update. */
    public static void recordAnswer(IncidentUpdate update, Question question, String value, String label, String user) {
        Triage.store(update, question, value, label, user);
    }

    /** A press that changed nothing is still on the record: who pressed what, and what they were told. */
    public void pressIgnored(String incidentId, String user, String label, Sentence told) {
        record(incidentId, user, new LifecycleFacts.PressIgnored(user, label, told));
    }

    /** Writes one fact on the timeline, nothing else (a refusal, a delivery that failed for good). */
    public void record(String incidentId, String actor, Fact fact) {
        jdbi.useTransaction(handle -> Timeline.add(handle, incidentId, clock.instant(), actor, fact));
    }

    /**
     * Runs {@code change} on the incident in one transaction, with the timeline and outbox beside it; the answer is
     * {@link Outcome#notFound} when there is no such incident.
     */
    public Outcome update(String incidentId, Function<IncidentUpdate, Outcome> change) {
        return jdbi.inTransaction(handle -> handle.attach(IncidentLookup.class).find(incidentId)
                .map(incident -> change.apply(new IncidentUpdate(handle, clock.instant(), settings.cardUpdateInterval(), incident)))
                .orElseGet(() -> Outcome.notFound(incidentId)));
    }

    /** A press of Postmortem on a resolved card: the canvas is made and shared through the outbox. */
    public Outcome requestCanvas(String incidentId, String user) {
        return update(incidentId, update -> CanvasFacts.request(update, user));
    }

    /** The postmortem canvas created for the latest request and not shared yet (a delivery retried after creating it). */
    public Optional<String> pendingCanvas(String incidentId) {
        return CanvasFacts.pendingCanvas(timeline(incidentId));
    }

    // ---- examples and eval results

    /** Stores one example per non-blank line (ids, links or text); returns how many. */
    public int addExamples(String incidentId, String set, String text, String user) {
        List<String> lines = text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty())
                .limit(Example.MAX_PER_SUBMISSION).map(line -> Text.shorten(line, 4000)).toList();
        if (lines.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            handle.attach(ExampleStore.class).add(incidentId, set, lines, user, now);
            Timeline.add(handle, incidentId, now, user, new TriageFacts.ExamplesAdded(user, lines.size(), set));
        });
        return lines.size();
    }

    public List<Example> examples(String set) {
        return jdbi.withExtension(ExampleStore.class, store -> store.inSet(set));
    }

    public List<Example> examplesOf(String incidentId) {
        return jdbi.withExtension(ExampleStore.class, store -> store.forIncident(incidentId));
    }

    /** What an eval rerun reports back: stored, on the timeline and in the thread. False when there is no such incident. */
    public boolean recordEvalResult(String incidentId, boolean passed, String summary, String url) {
        return update(incidentId, update -> {
            update.attach(ExampleStore.class).evalResult(incidentId, passed, summary, url, update.now());
            update.announce("eval", new TriageFacts.EvalReported(passed, summary, url));
            update.redrawCard();
            return Outcome.done("recorded");
        }).kind() != Outcome.Kind.NOT_FOUND;
    }

    // ---- what Slack did with the thread

    /** The card is in Slack: where, and drawn now. */
    public void cardPosted(String incidentId, String channel, String ts) {
        jdbi.useTransaction(handle -> {
            ThreadStore store = handle.attach(ThreadStore.class);
            store.cardPosted(incidentId, channel, ts, clock.instant());
            store.posted(incidentId, ThreadPart.CARD.id(), channel, ts);
        });
    }

    public void cardRedrawn(String incidentId) {
        jdbi.useExtension(ThreadStore.class, store -> store.cardRedrawn(incidentId, clock.instant()));
    }

    /** A reply of the thread is in Slack (notices are not remembered: they are never redrawn). */
    public void replyPosted(String incidentId, ThreadPart part, String channel, String ts) {
        if (part != ThreadPart.NOTICE) {
            jdbi.useExtension(ThreadStore.class, store -> store.posted(incidentId, part.id(), channel, ts));
        }
    }

    /** The ts of the message playing {@code part}, once posted. */
    public Optional<String> posted(String incidentId, ThreadPart part) {
        return jdbi.withExtension(ThreadStore.class, store -> store.postedTs(incidentId, part.id()));
    }

    /** The runbook's channel refused the thread: it moves to {@code channel}, saying why on the timeline. */
    public void moveThread(String incidentId, String from, String to, String reason) {
        jdbi.useTransaction(handle -> {
            handle.attach(ThreadStore.class).moveToChannel(incidentId, to);
            Timeline.add(handle, incidentId, clock.instant(), TimelineEntry.BOT, new DeliveryFacts.ThreadMoved(from, to, reason));
        });
    }

    // ---- queries

    public Optional<Incident> find(String incidentId) {
        return jdbi.withExtension(IncidentLookup.class, store -> store.find(incidentId));
    }

    public List<Incident> all() {
        return jdbi.withExtension(IncidentStore.class, IncidentStore::all);
    }

    public List<Incident> open() {
        return jdbi.withExtension(IncidentStore.class, IncidentStore::open);
    }

    public List<Incident> withStatus(IncidentStatus status) {
        return jdbi.withExtension(IncidentStore.class, store -> store.withStatus(status.id()));
    }

    public List<Incident> openedSince(Instant since) {
        return jdbi.withExtension(IncidentStore.class, store -> store.openedSince(since));
    }

    public List<Incident> openDrillsOpenedBefore(Instant before) {
        return jdbi.withExtension(IncidentStore.class, store -> store.openDrillsOpenedBefore(before));
    }

    public Map<IncidentStatus, Long> countByStatus() {
        return jdbi.withExtension(IncidentStore.class, store -> {
            Map<IncidentStatus, Long> counts = new EnumMap<>(IncidentStatus.class);
            for (IncidentStatus status : IncidentStatus.values()) {
                counts.put(status, store.countWithStatus(status.id()));
            }
            return counts;
        });
    }

    public List<IncidentAlert> alerts(String incidentId) {
        return jdbi.withExtension(IncidentStore.class, store -> store.alerts(incidentId));
    }

    /** The incident's alerts from one source only (a storm's 25,000 Alertmanager alerts are not read to find these). */
    public List<IncidentAlert> alertsFrom(String incidentId, String source) {
        return jdbi.withExtension(IncidentStore.class, store -> store.alertsFrom(incidentId, source));
    }

    public Map<Question, Answer> answers(String incidentId) {
        return jdbi.withExtension(AnswerStore.class, store -> store.answers(incidentId)).stream()
                .collect(Collectors.toMap(Answer::question, Function.identity(), (a, b) -> b, () -> new EnumMap<>(Question.class)));
    }

    public List<Answer> answersOf(Collection<String> incidentIds) {
        return incidentIds.isEmpty() ? List.of() : jdbi.withExtension(AnswerStore.class, store -> store.answersOf(incidentIds));
    }

    public List<TimelineEntry> timeline(String incidentId) {
        return jdbi.withExtension(TimelineStore.class, store -> store.timeline(incidentId));
    }

    public Optional<TimelineEntry> entry(long entryId) {
        return jdbi.withExtension(TimelineStore.class, store -> store.entry(entryId));
    }

    @Override
    public void close() {
        intake.close();
    }
}
