package dev.threeam.incident;

import dev.threeam.common.Sentence;
import java.util.List;

/** Reminders in a thread that went quiet. */
public final class NudgeFacts {

    private NudgeFacts() {}

    /**
     * Nobody acted on the incident for {@code quietMinutes}: a reminder to {@code who} (whoever acknowledged it, else the
     * owning role's Slack users and groups) with the questions still {@code unanswered}.
     */
    public record Nudged(List<String> who, String role, boolean acknowledged, List<Question> unanswered, long quietMinutes)
            implements Fact {

        public Nudged {
            who = who == null ? List.of() : List.copyOf(who);
            unanswered = unanswered == null ? List.of() : List.copyOf(unanswered);
        }

        @Override
        public Sentence sentence() {
            Sentence said = Sentence.of("Quiet for " + quietMinutes + " min: ");
            if (who.isEmpty()) {
                said = said.then("the runbook names nobody for ").quote(role == null ? "this incident" : role);
            }
            for (int i = 0; i < who.size(); i++) {
                said = (i == 0 ? said : said.then(" ")).person(who.get(i));
            }
            if (unanswered.isEmpty()) {
                return said.then(", all five questions are answered; mark it mitigated or resolve it when it is over.").tone(Sentence.Tone.INFO);
            }
            said = said.then(", still unanswered: ");
            for (int i = 0; i < unanswered.size(); i++) {
                said = said.then((i == 0 ? "" : "; ") + "Q" + unanswered.get(i).number() + " ").quote(unanswered.get(i).shortText());
            }
            return said.then(".").tone(Sentence.Tone.INFO);
        }
    }
}
