package dev.threeam.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.threeam.action.ActionService;
import dev.threeam.action.SilenceService;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.Outcome;
import dev.threeam.incident.Question;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every Slack interaction 3am answers: card buttons, the five questions, rollbacks, the Q5 modal, the slash
 * command and the App Home. Handlers only write to the database and ack; the outbox does the rest.
 */
public final class SlackInteractions {

    private static final String EXAMPLES_MODAL = "q5_examples";

    private final IncidentService incidents;
    private final ActionService actions;
    private final SilenceService silences;
    private final SlashCommands commands;
    private final HomeTab home;
    private final Ephemeral ephemeral;
    private final SlackGateway slack;
    private final SlackNames names;
    private final EventReplays replays;
    private final Runnable wake;

    public SlackInteractions(IncidentService incidents, ActionService actions, SilenceService silences, SlashCommands commands,
            HomeTab home, Ephemeral ephemeral, SlackGateway slack, SlackNames names, EventReplays replays, Runnable wake) {
        this.replays = replays;
        this.silences = silences;
        this.incidents = incidents;
        this.actions = actions;
        this.commands = commands;
        this.home = home;
        this.ephemeral = ephemeral;
        this.slack = slack;
        this.names = names;
        this.wake = wake;
    }

    public void register(App app) {
        app.blockAction(Pattern.compile("^(ack|mitigate|resolve|approve_resume|page_owner|rerun_eval|postmortem)$"), this::cardButton);
        app.blockAction(Pattern.compile("^q[1-5]_.+$"), this::question);
        app.blockAction(Pattern.compile("^rollback_.+$"), this::rollback);
        app.blockAction(Pattern.compile("^retry_.+$"), this::retry);
        app.blockAction(SilenceSelect.ACTION_ID, (request, ctx) -> {
            Press press = Press.of(request.getPayload());
            String name = request.getPayload().getUser().getName();
            return answer(press, silences.choose(press.incident(), press.value(), press.user(), name != null ? name : names.of(press.user())), ctx);
        });
        app.viewSubmission(EXAMPLES_MODAL, (request, ctx) -> {
            View view = request.getPayload().getView();
            String[] meta = Buttons.parse(view.getPrivateMetadata());
            ViewState.Value text = view.getState().getValues().getOrDefault("examples", Map.of()).get("text");
            int added = incidents.addExamples(meta[0], meta[1], text == null ? "" : text.getValue(), request.getPayload().getUser().getId());
            wake.run();
            return added == 0
                    ? ctx.ackWithErrors(Map.of("examples", "Paste at least one example: an id, a link or the text, one per line."))
                    : ctx.ack();
        });
        app.command("/ai-incident", (request, ctx) -> {
            var payload = request.getPayload();
            String answer = commands.run(payload.getText(), payload.getUserId(), payload.getChannelId());
            wake.run();
            return ctx.ack(answer);
        });
        app.event(AppHomeOpenedEvent.class, (request, ctx) -> {
            if (!replays.firstDelivery(request)) {
                return ctx.ack();
            }
            String user = request.getEvent().getUser();
            try {
                slack.publishHome(user, home.render(user));
            } catch (SlackCallException e) {
                org.slf4j.LoggerFactory.getLogger(SlackInteractions.class).warn("App Home for {}: {}", user, e.getMessage());
            }
            return ctx.ack();
        });
    }

    private Response cardButton(BlockActionRequest request, ActionContext ctx) {
        Press press = Press.of(request.getPayload());
        Outcome outcome = switch (press.actionId()) {
            case "ack" -> incidents.acknowledge(press.incident(), press.user());
            case "mitigate" -> incidents.mitigate(press.incident(), press.user());
            case "resolve" -> actions.resolve(press.incident(), press.user());
            case "approve_resume" -> actions.approveResume(press.incident(), press.user());
            case "page_owner" -> actions.pageOwner(press.incident(), press.user());
            case "postmortem" -> incidents.requestCanvas(press.incident(), press.user());
            default -> actions.rerunEval(press.incident(), press.user());
        };
        return answer(press, outcome, ctx);
    }

    private Response question(BlockActionRequest request, ActionContext ctx) {
        Press press = Press.of(request.getPayload());
        Question question = Question.fromId(press.actionId().substring(0, 2)).orElseThrow();
        if (question == Question.Q3 && press.value().equals("none")) {
            return answer(press, incidents.answer(press.incident(), Question.Q3, "none", "No rollback", press.user()), ctx);
        }
        Outcome outcome = incidents.answer(press.incident(), question, press.value(), press.label(), press.user());
        if (question == Question.Q5 && !press.value().equals("noise") && outcome.kind() != Outcome.Kind.NOT_FOUND) {
            openExamplesModal(request.getPayload().getTriggerId(), press);
        }
        return answer(press, outcome, ctx);
    }

    private Response rollback(BlockActionRequest request, ActionContext ctx) {
        Press press = Press.of(request.getPayload());
        return answer(press, actions.rollback(press.incident(), press.value(), press.user()), ctx);
    }

    private Response retry(BlockActionRequest request, ActionContext ctx) {
        Press press = Press.of(request.getPayload());
        return answer(press, actions.retry(press.incident(), press.value(), press.user()), ctx);
    }

    private void openExamplesModal(String triggerId, Press press) {
        View modal = view(v -> v.type("modal").callbackId(EXAMPLES_MODAL)
                .privateMetadata(press.incident() + "|" + press.value())
                .title(viewTitle(t -> t.type("plain_text").text(Limits.plain("Failed examples", 24))))
                .submit(viewSubmit(s -> s.type("plain_text").text("Add")))
                .close(viewClose(c -> c.type("plain_text").text("Later")))
                .blocks(List.of(input(i -> i.blockId("examples")
                        .label(plainText(Limits.plain("Examples for the " + press.value() + " set of " + press.incident(), 2000)))
                        .hint(plainText("One per line: trace ids, links or the failing text."))
                        .element(plainTextInput(p -> p.actionId("text").multiline(true).maxLength(20_000)))))));
        try {
            slack.openView(triggerId, modal);
        } catch (SlackCallException e) {
            ephemeral.tell(press.channel(), press.user(), press.threadTs(), "The set is recorded, but the examples form could not open ("
                    + e.error() + "). Press the button again to add examples.");
        }
    }

    private Response answer(Press press, Outcome outcome, ActionContext ctx) {
        if (outcome.done()) {
            wake.run();
        } else {
            if (outcome.kind() == Outcome.Kind.ALREADY) {
                incidents.pressIgnored(press.incident(), press.user(), press.label(), outcome.message());
            }
            SlackText text = incidents.find(press.incident()).map(incident -> SlackText.forIncident(incident, names))
                    .orElse(SlackText.MENTIONS);
            ephemeral.tell(press.channel(), press.user(), press.threadTs(), text.render(outcome.message()));
        }
        return ctx.ack();
    }

    /** The parts of a button press 3am uses. */
    record Press(String actionId, String incident, String value, String label, String user, String channel, String threadTs) {
        static Press of(BlockActionPayload payload) {
            BlockActionPayload.Action action = payload.getActions().get(0);
            // a button carries its value; a select (the silence durations) the option chosen
            BlockActionPayload.Action.SelectedOption selected = action.getSelectedOption();
            String[] value = Buttons.parse(action.getValue() != null || selected == null ? action.getValue() : selected.getValue());
            String channel = payload.getChannel() != null ? payload.getChannel().getId()
                    : payload.getContainer() != null ? payload.getContainer().getChannelId() : null;
            String threadTs = payload.getContainer() != null ? payload.getContainer().getThreadTs() : null;
            if (threadTs == null && payload.getMessage() != null) {
                threadTs = payload.getMessage().getThreadTs();
            }
            String label = action.getText() != null ? action.getText().getText()
                    : selected != null && selected.getText() != null ? selected.getText().getText() : value[1];
            return new Press(action.getActionId(), value[0], value[1], label, payload.getUser().getId(), channel, threadTs);
        }
    }
}
