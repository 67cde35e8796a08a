package dev.threeam.slack;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.StaticSelectElement;
import dev.threeam.action.SilenceDuration;
import dev.threeam.incident.Incident;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The card's "Silence at the source" select (30m, 2h, 8h), behind a confirm dialog, on the incidents whose alerts came
 * from Alertmanager when silences are on. Each option's value carries the incident ({@code INC-7|2h}).
 */
public final class SilenceSelect {

    public static final String ACTION_ID = "silence";
    static final SilenceSelect NONE = new SilenceSelect(incident -> false, "");

    private final Predicate<Incident> offeredFor;
    private final String confirmNote;

    /** @param confirmNote what the confirm dialog says first (sandbox mode: nothing is called) */
    public SilenceSelect(Predicate<Incident> offeredFor, String confirmNote) {
        this.offeredFor = offeredFor;
        this.confirmNote = confirmNote;
    }

    Optional<StaticSelectElement> render(Incident incident) {
        if (!incident.open() || !offeredFor.test(incident)) {
            return Optional.empty();
        }
        return Optional.of(StaticSelectElement.builder()
                .actionId(ACTION_ID)
                .placeholder(plainText(Limits.plain("Silence at the source", 150)))
                .options(Arrays.stream(SilenceDuration.values()).map(duration -> OptionObject.builder()
                        .text(plainText(label(duration)))
                        .value(Limits.plain(incident.id() + "|" + duration.id(), 150))
                        .build()).toList())
                .confirm(ConfirmationDialogObject.builder()
                        .title(plainText(Limits.plain("Silence at the source?", Limits.CONFIRM_TITLE)))
                        .text(markdownText(Limits.plain(confirmNote + "Creates one Alertmanager silence on the group labels of "
                                + incident.id() + " (a later choice extends it); it is expired when the incident resolves.",
                                Limits.CONFIRM_TEXT)))
                        .confirm(plainText("Silence"))
                        .deny(plainText("Cancel"))
                        .build())
                .build());
    }

    private static String label(SilenceDuration duration) {
        return switch (duration) {
            case MINUTES_30 -> "Silence 30 minutes";
            case HOURS_2 -> "Silence 2 hours";
            case HOURS_8 -> "Silence 8 hours";
        };
    }
}
