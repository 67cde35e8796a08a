package dev.threeam.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.threeam.classify.FailureType;
import dev.threeam.common.Text;
import dev.threeam.incident.MessageDeclaration;
import dev.threeam.runbook.Runbook;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The "Declare AI incident" modal: prefilled from the message, every field editable; or why it cannot be declared. */
final class DeclareModal {

    static final String CALLBACK = "declare_incident";
    static final String NO_RUNBOOK = "none";
    /** Slack's static_select holds 100 options; one is "no runbook". */
    private static final int MAX_RUNBOOKS = 99;

    private DeclareModal() {}

    static View form(MessageDeclaration.Prefill prefill, List<Runbook> runbooks, String privateMetadata) {
        List<OptionObject> workflows = new ArrayList<>();
        runbooks.stream().limit(MAX_RUNBOOKS).forEach(book -> workflows.add(option(plainText(Limits.plain(book.workflow(), 75)),
                Limits.plain(book.workflow(), 150))));
        OptionObject none = option(plainText("No runbook (the default channel)"), NO_RUNBOOK);
        workflows.add(none);
        OptionObject workflow = prefill.runbook().flatMap(book -> workflows.stream()
                .filter(candidate -> candidate.getValue().equals(book.workflow())).findFirst()).orElse(none);
        List<OptionObject> types = Arrays.stream(FailureType.values())
                .map(type -> option(plainText(Limits.plain(type.title(), 75)), type.id())).toList();
        OptionObject type = types.stream().filter(candidate -> candidate.getValue().equals(prefill.classification().failureType().id()))
                .findFirst().orElseThrow();
        String why = "*Workflow:* " + Text.escape(prefill.workflowWhy()) + "\n*Failure type:* `" + prefill.classification().failureType().id()
                + "` (" + Math.round(prefill.classification().confidence() * 100) + "%) — " + Text.escape(prefill.classification().evidence());
        return view(v -> v.type("modal").callbackId(CALLBACK).privateMetadata(privateMetadata)
                .title(viewTitle(t -> t.type("plain_text").text("Declare AI incident")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Declare")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        input(i -> i.blockId("title").label(plainText("Title"))
                                .element(plainTextInput(p -> p.actionId("value").initialValue(prefill.title())
                                        .maxLength(MessageDeclaration.TITLE_MAX)))),
                        input(i -> i.blockId("workflow").label(plainText("Workflow (its runbook's channel gets the thread)"))
                                .element(staticSelect(s -> s.actionId("value").options(workflows).initialOption(workflow)))),
                        input(i -> i.blockId("failure_type").label(plainText("Failure type"))
                                .element(staticSelect(s -> s.actionId("value").options(types).initialOption(type)))),
                        context(c -> c.elements(List.of(markdownText(Text.shorten("Read from the message. " + why, Limits.CONTEXT))))))));
    }

    /** A modal that only says why the message cannot be declared. */
    static View refusal(String why) {
        return view(v -> v.type("modal").callbackId(CALLBACK + "_refused")
                .title(viewTitle(t -> t.type("plain_text").text("Declare AI incident")))
                .close(viewClose(c -> c.type("plain_text").text("OK")))
                .blocks(List.of(section(s -> s.text(markdownText(Text.shorten(":warning: " + why, Limits.SECTION)))))));
    }
}
