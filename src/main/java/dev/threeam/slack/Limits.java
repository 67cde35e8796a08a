package dev.threeam.slack;

import dev.threeam.common.Text;

/** Slack's Block Kit limits (the SDK checks none of them): every text we build is cut to fit. */
final class Limits {

    static final int HEADER = 150;
    static final int SECTION = 3000;
    static final int FIELD = 2000;
    static final int BUTTON = 75;
    static final int VALUE = 2000;
    static final int CONFIRM_TITLE = 100;
    static final int CONFIRM_TEXT = 300;
    static final int CONFIRM_BUTTON = 30;
    static final int CONTEXT = 3000;
    static final int MESSAGE_TEXT = 3000;

    private Limits() {}

    /** Plain text (no mrkdwn) cut to {@code max}. */
    static String plain(String text, int max) {
        return Text.shorten(text, max);
    }
}
