package dev.threeam.chart;

import dev.threeam.common.Identified;
import java.util.Locale;

/** Where one chart of an incident stands. */
public enum ChartState implements Identified {
    /** Waiting in the outbox (or being uploaded). */
    ASKED,
    /** The image is in the thread. */
    POSTED,
    /** Slack refused the upload: the numbers were said in the thread instead. */
    AS_TEXT,
    /** Nothing to draw: the runbook no longer writes the threshold. */
    SKIPPED;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean done() {
        return this != ASKED;
    }
}
