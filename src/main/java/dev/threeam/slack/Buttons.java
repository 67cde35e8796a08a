package dev.threeam.slack;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.element.ButtonElement;

/**
 * Buttons 3am draws. The value carries the incident and the answer ({@code INC-7|retrieval_failure}), so a
 * press needs nothing but the payload to be understood.
 */
final class Buttons {

    private Buttons() {}

    static ButtonElement button(String actionId, String text, String incidentId, String value, String style) {
        return ButtonElement.builder()
                .actionId(Limits.plain(actionId, 255))
                .text(plainText(Limits.plain(text, Limits.BUTTON), true))
                .value(Limits.plain(incidentId + "|" + value, Limits.VALUE))
                .style(style)
                .build();
    }

    static ButtonElement confirmed(ButtonElement button, String title, String text, String confirm) {
        button.setConfirm(ConfirmationDialogObject.builder()
                .title(plainText(Limits.plain(title, Limits.CONFIRM_TITLE)))
                .text(markdownText(Limits.plain(text, Limits.CONFIRM_TEXT)))
                .confirm(plainText(Limits.plain(confirm, Limits.CONFIRM_BUTTON)))
                .deny(plainText("Cancel"))
                .build());
        return button;
    }

    /** Splits a button value into incident id and answer value. */
    static String[] parse(String value) {
        int bar = value == null ? -1 : value.indexOf('|');
        if (bar < 0) {
            return new String[] {value == null ? "" : value, ""};
        }
        return new String[] {value.substring(0, bar), value.substring(bar + 1)};
    }
}
