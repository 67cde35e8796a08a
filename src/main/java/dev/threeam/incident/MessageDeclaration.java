package dev.threeam.incident;

import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertStatus;
import dev.threeam.classify.Classification;
import dev.threeam.classify.Classifier;
import dev.threeam.classify.FailureType;
import dev.threeam.classify.WorkflowContext;
import dev.threeam.common.Text;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.runbook.WorkflowMatcher;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An incident declared from a message someone posted in Slack: the message's text is read as an alert's would be
 * (the workflow by a runbook's id or alias named in it, the failure type by the classifier, with its evidence), the
 * person corrects what they like, and the incident opens as any alert's does, in the runbook's channel.
 */
public final class MessageDeclaration {

    /** Slack's plain-text input caps the title; the card's header holds 150. */
    public static final int TITLE_MAX = 150;

    private final RunbookRegistry runbooks;
    private final Classifier classifier;
    private final IncidentService incidents;
    private final Clock clock;

    public MessageDeclaration(RunbookRegistry runbooks, Classifier classifier, IncidentService incidents, Clock clock) {
        this.runbooks = runbooks;
        this.classifier = classifier;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** What the modal starts with: a title, the workflow the text names (and how it was found), the classification. */
    public record Prefill(String title, Optional<Runbook> runbook, String workflowWhy, Classification classification) {}

    /** The person's choices, checked by the edge; {@code workflow} null for "no runbook". */
    public record Choice(String title, String workflow, FailureType failureType, String text, String channel, String ts,
                         String permalink, String user) {}

    public Prefill prefill(String text) {
        Optional<String> named = Arrays.stream(text.split("[^A-Za-z0-9_.\\-]+"))
                .map(word -> word.replaceAll("^[.\\-]+|[.\\-]+$", "")).filter(word -> word.length() > 1)
                .filter(word -> runbooks.find(word).isPresent()).findFirst();
        Optional<Runbook> runbook = named.flatMap(runbooks::find);
        String why = named.map(word -> runbook.get().workflow().equalsIgnoreCase(word) ? "the message names " + runbook.get().workflow()
                : "the message names " + word + ", an alias of " + runbook.get().workflow())
                .orElse("no runbook's workflow or alias is named in the message");
        return new Prefill(title(text), runbook, why, classify(alert(title(text), runbook.map(Runbook::workflow).orElse(null), null,
                text, null, null, null, null), runbook));
    }

    /** Opens the incident (or joins the one this message already opened); returns its id. */
    public String declare(Choice choice) {
        Optional<Runbook> runbook = Optional.ofNullable(choice.workflow()).flatMap(runbooks::find);
        String workflow = runbook.map(Runbook::workflow).orElse(null);
        // the classifier's own answer keeps its evidence; a type the person chose instead travels as the sender's label
        boolean corrected = classify(alert(choice.title(), workflow, null, choice.text(), null, null, null, null), runbook)
                .failureType() != choice.failureType();
        Alert alert = alert(choice.title(), workflow, corrected ? choice.failureType() : null, choice.text(), choice.channel(),
                choice.ts(), choice.permalink(), choice.user());
        String id = incidents.ingest(List.of(alert)).incidents().get(0);
        incidents.update(id, update -> {
            update.announce(choice.user(), new DeclaredFromMessage(choice.user(), choice.channel(), choice.permalink()));
            update.deliver(new Deliveries.ReplyToSource(choice.channel(), choice.ts(), choice.user()));
            return Outcome.done("declared");
        });
        return id;
    }

    /** The first non-blank line, cut to {@link #TITLE_MAX}. */
    public static String title(String text) {
        String first = text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
        return Text.cap(first, TITLE_MAX);
    }

    private Classification classify(Alert alert, Optional<Runbook> runbook) {
        return classifier.classify(alert, runbook.map(WorkflowMatcher::context).orElse(WorkflowContext.NONE));
    }

    /** The message as a plain-JSON alert would arrive: one message is one alert (declaring it again joins its incident). */
    private Alert alert(String title, String workflow, FailureType chosen, String text, String channel, String ts, String permalink,
            String user) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (workflow != null) {
            labels.put("workflow", workflow);
        }
        if (chosen != null) {
            labels.put("failure_type", chosen.id());
        }
        if (user != null) {
            labels.put("declared_by", user);
        }
        String fingerprint = channel == null ? "slack-message:draft" : "slack-message:" + channel + ":" + ts;
        return new Alert("slack_message", fingerprint, AlertStatus.FIRING, title, "critical", null, workflow, labels,
                Map.of("description", Text.cap(text, 4000)), Map.of(), clock.instant(), permalink);
    }
}
