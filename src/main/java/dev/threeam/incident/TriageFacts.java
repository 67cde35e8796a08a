package dev.threeam.incident;

import dev.threeam.common.Sentence;

/** The five questions answered, failed examples filed, eval results reported back. */
public final class TriageFacts {

    private TriageFacts() {}

    /** What an answer did besides being recorded. */
    public enum Effect { NONE, CONFIRMS, RECLASSIFIED, GATE_CLOSED }

    /** {@code from} and {@code to} are the failure types of a reclassification (else null). */
    public record Answered(Question question, String by, String label, Effect effect, String from, String to) implements Fact {
        @Override
        public Sentence sentence() {
            Sentence said = Sentence.of(question.name() + " answered by ").person(by).then(": ").quote(label, 300);
            return switch (effect) {
                case CONFIRMS -> said.then(" (confirms the classification)");
                case RECLASSIFIED -> said.then(" — reclassified from " + from + " to " + to);
                case GATE_CLOSED -> said.then(" — resume gate closed until a reviewer approves");
                case NONE -> said;
            };
        }
    }

    /**
     * After a Q1 correction: the runbook {@code classify:} rule that would have got it right ({@code yaml}, one line to
     * paste under {@code classify:}). Never written into the runbook by 3am.
     */
    public record RuleProposed(String workflow, dev.threeam.classify.FailureType failureType, String key, String pattern, String yaml)
            implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Proposed a classify rule for ").quote(workflow).then(": " + failureType.id() + " when ").code(key)
                    .then(" matches ").code(pattern);
        }
    }

    public record ExamplesAdded(String by, int count, String set) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.empty().person(by).then(" added " + count + (count == 1 ? " failed example" : " failed examples")
                    + " to the " + set + " set");
        }
    }

    public record EvalReported(boolean passed, String summary, String url) implements Fact {
        @Override
        public Sentence sentence() {
            Sentence said = Sentence.of(passed ? "Eval passed: " : "Eval failed: ").quote(summary, 1500)
                    .tone(passed ? Sentence.Tone.DONE : Sentence.Tone.FAILED);
            return url == null ? said : said.then(" — ").quote(url, 500);
        }
    }
}
