package dev.threeam.change;

import java.time.Instant;

/** Changes with sensible defaults, so a test states only what it is about. */
final class ChangeTestData {

    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    private String workflow = "support-answers";
    private ChangeKind kind = ChangeKind.PROMPT;
    private String summary = "Prompt v42: shorter refusals";
    private String from;
    private String to;
    private String author;
    private Instant at = NOW.minusSeconds(600);
    private String source = ChangeEvent.SOURCE_API;
    private String externalId;
    private Long id;

    static ChangeTestData aChange() {
        return new ChangeTestData();
    }

    ChangeTestData workflow(String value) {
        workflow = value;
        return this;
    }

    ChangeTestData kind(ChangeKind value) {
        kind = value;
        return this;
    }

    ChangeTestData summary(String value) {
        summary = value;
        return this;
    }

    ChangeTestData versions(String fromVersion, String toVersion) {
        from = fromVersion;
        to = toVersion;
        return this;
    }

    ChangeTestData author(String value) {
        author = value;
        return this;
    }

    ChangeTestData at(Instant value) {
        at = value;
        return this;
    }

    ChangeTestData minutesAgo(long minutes) {
        at = NOW.minusSeconds(minutes * 60);
        return this;
    }

    ChangeTestData fromLangfuse(String eventId) {
        source = ChangeEvent.SOURCE_LANGFUSE;
        externalId = "langfuse:" + eventId;
        return this;
    }

    ChangeTestData id(long value) {
        id = value;
        return this;
    }

    ChangeEvent build() {
        return new ChangeEvent(id, workflow, kind, summary, from, to, author, null, at, source, externalId);
    }
}
