package dev.threeam.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.threeam.common.Sentence;

/**
 * Something that happened to an incident, as a fact with its fields (who, which alert, which rollback), stored on
 * the timeline as its {@code kind} and those fields. Each fact can say itself as a {@link Sentence}; the edges render
 * that sentence (Slack mrkdwn, JSON, the postmortem's Markdown), so no fact holds markup.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AlertFacts.Opened.class, name = "opened"),
    @JsonSubTypes.Type(value = AlertFacts.NoRunbook.class, name = "no_runbook"),
    @JsonSubTypes.Type(value = AlertFacts.DrillStarted.class, name = "drill_started"),
    @JsonSubTypes.Type(value = AlertFacts.AlertsJoined.class, name = "alerts_joined"),
    @JsonSubTypes.Type(value = AlertFacts.AlertFiredAgain.class, name = "alert_fired_again"),
    @JsonSubTypes.Type(value = AlertFacts.AlertsResolved.class, name = "alerts_resolved"),
    @JsonSubTypes.Type(value = AlertFacts.Reopened.class, name = "reopened"),
    @JsonSubTypes.Type(value = AlertFacts.AllAlertsResolved.class, name = "all_alerts_resolved"),
    @JsonSubTypes.Type(value = LifecycleFacts.Acknowledged.class, name = "acknowledged"),
    @JsonSubTypes.Type(value = LifecycleFacts.Mitigated.class, name = "mitigated"),
    @JsonSubTypes.Type(value = LifecycleFacts.Resolved.class, name = "resolved"),
    @JsonSubTypes.Type(value = LifecycleFacts.ResolveRefused.class, name = "resolve_refused"),
    @JsonSubTypes.Type(value = LifecycleFacts.ResumeApproved.class, name = "resume_approved"),
    @JsonSubTypes.Type(value = LifecycleFacts.ApproveRefused.class, name = "approve_refused"),
    @JsonSubTypes.Type(value = LifecycleFacts.DrillEnded.class, name = "drill_ended"),
    @JsonSubTypes.Type(value = LifecycleFacts.PressIgnored.class, name = "press_ignored"),
    @JsonSubTypes.Type(value = TriageFacts.Answered.class, name = "answered"),
    @JsonSubTypes.Type(value = TriageFacts.ExamplesAdded.class, name = "examples_added"),
    @JsonSubTypes.Type(value = TriageFacts.RuleProposed.class, name = "rule_proposed"),
    @JsonSubTypes.Type(value = TriageFacts.EvalReported.class, name = "eval_reported"),
    @JsonSubTypes.Type(value = ActionFacts.OwnerPaged.class, name = "owner_paged"),
    @JsonSubTypes.Type(value = ActionFacts.RollbackRefused.class, name = "rollback_refused"),
    @JsonSubTypes.Type(value = ActionFacts.RollbackPressed.class, name = "rollback_pressed"),
    @JsonSubTypes.Type(value = ActionFacts.RollbackRetried.class, name = "rollback_retried"),
    @JsonSubTypes.Type(value = ActionFacts.EvalRequested.class, name = "eval_requested"),
    @JsonSubTypes.Type(value = ActionFacts.RollbackFinished.class, name = "rollback_finished"),
    @JsonSubTypes.Type(value = ActionFacts.EvalFinished.class, name = "eval_finished"),
    @JsonSubTypes.Type(value = ActionFacts.PageFinished.class, name = "page_finished"),
    @JsonSubTypes.Type(value = ActionFacts.ServiceUnreachable.class, name = "service_unreachable"),
    @JsonSubTypes.Type(value = ActionFacts.PageRetried.class, name = "page_retried"),
    @JsonSubTypes.Type(value = DeliveryFacts.ThreadMoved.class, name = "thread_moved"),
    @JsonSubTypes.Type(value = DeliveryFacts.DeliveryFailed.class, name = "delivery_failed"),
    @JsonSubTypes.Type(value = DeliveryFacts.DrillScored.class, name = "drill_scored"),
    @JsonSubTypes.Type(value = ChartFacts.ChartAsText.class, name = "chart_as_text"),
    @JsonSubTypes.Type(value = SilenceFacts.SilenceChosen.class, name = "silence_chosen"),
    @JsonSubTypes.Type(value = SilenceFacts.SilenceRefused.class, name = "silence_refused"),
    @JsonSubTypes.Type(value = SilenceFacts.SilenceFinished.class, name = "silence_finished"),
    @JsonSubTypes.Type(value = SilenceFacts.SilenceExpired.class, name = "silence_expired"),
    @JsonSubTypes.Type(value = NudgeFacts.Nudged.class, name = "nudged"),
    @JsonSubTypes.Type(value = CanvasFacts.CanvasRequested.class, name = "canvas_requested"),
    @JsonSubTypes.Type(value = CanvasFacts.CanvasCreated.class, name = "canvas_created"),
    @JsonSubTypes.Type(value = CanvasFacts.CanvasShared.class, name = "canvas_shared"),
    @JsonSubTypes.Type(value = CanvasFacts.CanvasRefused.class, name = "canvas_refused"),
    @JsonSubTypes.Type(value = DeclaredFromMessage.class, name = "declared_from_message"),
    @JsonSubTypes.Type(value = Fact.Written.class, name = "text")})
public interface Fact {

    /** The fact said as one sentence for the timeline. */
    @JsonIgnore
    Sentence sentence();

    /**
     * A timeline row written before facts had kinds (its text is Slack mrkdwn as it was stored); kept readable.
     */
    record Written(String text) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of(text);
        }
    }
}
