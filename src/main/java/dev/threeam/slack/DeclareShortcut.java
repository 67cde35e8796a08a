package dev.threeam.slack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import dev.threeam.classify.FailureType;
import dev.threeam.common.Json;
import dev.threeam.common.Text;
import dev.threeam.incident.MessageDeclaration;
import dev.threeam.runbook.RunbookRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The message shortcut "Declare AI incident" ({@code declare_incident}): opens a modal prefilled from the message,
 * and on submit opens the incident in the runbook's channel, linked to the message, which gets a threaded reply
 * linking the incident (through the outbox). A message 3am cannot read is refused in the modal, saying why; a bad
 * submission is answered with the field's error, and changes nothing.
 */
public final class DeclareShortcut {

    /** The message's text travels in the modal's private metadata (3000 characters with the channel and ts). */
    private static final int TEXT_KEPT = 2000;
    private static final int PRIVATE_METADATA = 3000;

    private final MessageDeclaration declaration;
    private final RunbookRegistry runbooks;
    private final SlackGateway slack;
    private final Runnable wake;

    public DeclareShortcut(MessageDeclaration declaration, RunbookRegistry runbooks, SlackGateway slack, Runnable wake) {
        this.declaration = declaration;
        this.runbooks = runbooks;
        this.slack = slack;
        this.wake = wake;
    }

    public void register(App app) {
        app.messageShortcut(DeclareModal.CALLBACK, this::shortcut);
        app.viewSubmission(DeclareModal.CALLBACK, this::submit);
    }

    private Response shortcut(MessageShortcutRequest request, MessageShortcutContext ctx) {
        MessageShortcutPayload payload = request.getPayload();
        String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
        String text = payload.getMessage() == null ? null : payload.getMessage().getText();
        Optional<String> refused = refusal(channel, text);
        try {
            if (refused.isPresent()) {
                slack.openView(payload.getTriggerId(), DeclareModal.refusal(refused.get()));
            } else {
                slack.openView(payload.getTriggerId(), DeclareModal.form(declaration.prefill(text), runbooks.all(),
                        source(channel, payload.getMessageTs(), text)));
            }
        } catch (SlackCallException e) {
            org.slf4j.LoggerFactory.getLogger(DeclareShortcut.class).warn("the declare modal could not open: {}", e.getMessage());
        }
        return ctx.ack();
    }

    /** The message, as the modal carries it: within Slack's 3000 characters of private metadata, escapes included. */
    private static String source(String channel, String ts, String text) {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("channel", channel);
        source.put("ts", ts);
        int kept = TEXT_KEPT;
        String json;
        do {
            source.put("text", Text.cap(text, kept));
            json = Json.write(source);
            kept = kept * 3 / 4;
        } while (json.length() > PRIVATE_METADATA && kept > 0);
        return json;
    }

    /** Why this message cannot be declared, or empty. */
    private Optional<String> refusal(String channel, String text) {
        if (channel == null) {
            return Optional.of("Slack did not say which channel the message is in.");
        }
        Optional<String> unreadable;
        try {
            unreadable = slack.cannotReadIn(channel);
        } catch (SlackCallException e) {
            unreadable = Optional.of("Slack did not answer whether 3am may read this channel (" + e.error() + "); try again");
        }
        if (unreadable.isPresent()) {
            return Optional.of(unreadable.get() + ", so it cannot read this message or answer under it. Invite it with `/invite @3am` "
                    + "and try again, or declare with `/ai-incident open <workflow> <title>`.");
        }
        if (text == null || text.isBlank()) {
            return Optional.of("This message has no text 3am can read (only files, blocks or attachments), so there is nothing to "
                    + "classify. Declare with `/ai-incident open <workflow> <title>` instead.");
        }
        return Optional.empty();
    }

    private Response submit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        var view = request.getPayload().getView();
        Map<String, Map<String, ViewState.Value>> values = view.getState() == null || view.getState().getValues() == null
                ? Map.of() : view.getState().getValues();
        Map<String, String> errors = new LinkedHashMap<>();
        String title = typed(values, "title").map(String::strip).orElse("");
        if (title.isEmpty()) {
            errors.put("title", "Give the incident a title.");
        } else if (title.length() > MessageDeclaration.TITLE_MAX) {
            errors.put("title", "At most " + MessageDeclaration.TITLE_MAX + " characters (this one has " + title.length() + ").");
        }
        String workflow = selected(values, "workflow").orElse(null);
        if (workflow == null) {
            errors.put("workflow", "Pick a workflow, or \"No runbook\".");
        } else if (!workflow.equals(DeclareModal.NO_RUNBOOK) && runbooks.find(workflow).isEmpty()) {
            errors.put("workflow", "No runbook serves \"" + Text.cap(workflow, 100) + "\" any more (reloaded?): pick another.");
        }
        Optional<FailureType> type = selected(values, "failure_type").flatMap(FailureType::fromId);
        if (type.isEmpty()) {
            errors.put("failure_type", "Pick a failure type: one of " + FailureType.allIds() + ".");
        }
        Map<String, String> source = source(view.getPrivateMetadata());
        if (source.get("channel") == null || source.get("ts") == null) {
            errors.put("title", "This form lost the message it was opened from; run the shortcut on the message again.");
        }
        if (!errors.isEmpty()) {
            return ctx.ackWithErrors(errors);
        }
        String user = request.getPayload().getUser().getId();
        String id = declaration.declare(new MessageDeclaration.Choice(title, workflow.equals(DeclareModal.NO_RUNBOOK) ? null : workflow,
                type.get(), source.getOrDefault("text", title), source.get("channel"), source.get("ts"),
                permalink(source.get("channel"), source.get("ts")), user));
        org.slf4j.LoggerFactory.getLogger(DeclareShortcut.class).info("{} declared {} from a message in {}", user, id, source.get("channel"));
        wake.run();
        return ctx.ack();
    }

    private String permalink(String channel, String ts) {
        try {
            return slack.permalink(channel, ts);
        } catch (SlackCallException e) {
            return null; // the timeline names the channel instead
        }
    }

    private static Optional<String> typed(Map<String, Map<String, ViewState.Value>> values, String block) {
        return Optional.ofNullable(values.getOrDefault(block, Map.of()).get("value")).map(ViewState.Value::getValue);
    }

    private static Optional<String> selected(Map<String, Map<String, ViewState.Value>> values, String block) {
        return Optional.ofNullable(values.getOrDefault(block, Map.of()).get("value")).map(ViewState.Value::getSelectedOption)
                .map(option -> option.getValue()).filter(value -> !value.isBlank());
    }

    private static Map<String, String> source(String privateMetadata) {
        try {
            return privateMetadata == null ? Map.of() : Json.mapper().readValue(privateMetadata, new TypeReference<Map<String, String>>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of();
        }
    }
}
