package dev.threeam.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** How {@code check} prints its result: for people, for programs, for GitHub Actions, for JUnit readers. */
public enum CheckFormat {

    /** The handover report as a table per workflow, readable in a CI log. */
    TEXT(TextOutput::render),
    /** One JSON object (see the README). */
    JSON(JsonOutput::render),
    /** GitHub Actions workflow commands ({@code ::error file=…,line=…::…}), shown on the pull request's diff. */
    GITHUB(GithubOutput::render),
    /** JUnit XML: a testcase per workflow × failure type and per file problem (Jenkins, GitLab). */
    JUNIT(JunitOutput::render);

    private final Function<CheckResult, String> renderer;

    CheckFormat(Function<CheckResult, String> renderer) {
        this.renderer = renderer;
    }

    /** {@code text}, {@code json}, {@code github}, {@code junit}: what {@code --format} takes. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CheckFormat> fromId(String id) {
        return Arrays.stream(values()).filter(format -> format.id().equalsIgnoreCase(id.strip())).findFirst();
    }

    /** The ids, for messages: {@code text, json, github, junit}. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(CheckFormat::id).toList());
    }

    String render(CheckResult result) {
        return renderer.apply(result);
    }
}
