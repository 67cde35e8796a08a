package dev.threeam.sandbox;

import dev.threeam.common.ThreeAmException;

/**
 * A Web API refusal answered as {@code {"ok":false,"error":code}}, e.g. {@code channel_not_found}; a detail, when
 * given, goes to {@code response_metadata.messages} as Slack does for {@code invalid_blocks}.
 */
public class SlackApiError extends ThreeAmException {

    private final String code;
    private final String detail;

    public SlackApiError(String code) {
        this(code, null);
    }

    public SlackApiError(String code, String detail) {
        super(detail == null ? code : code + ": " + detail);
        this.code = code;
        this.detail = detail;
    }

    public String code() {
        return code;
    }

    /** What exactly was wrong, or null. */
    public String detail() {
        return detail;
    }
}
