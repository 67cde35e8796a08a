package dev.threeam.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Q4's Yes button says whom it pages and fits Slack's 75 characters. */
class QuestionViewsTest {

    @Test
    void q4_yes_starts_with_yes_names_the_roles_it_pages_and_fits_75_characters() {
        assertThat(QuestionViews.yesLabel(List.of("engineering"))).isEqualTo("Yes, page engineering");
        assertThat(QuestionViews.yesLabel(List.of("reviewer", "security"))).isEqualTo("Yes, page reviewer and security");
        assertThat(QuestionViews.yesLabel(List.of("engineering", "product", "legal"))).isEqualTo("Yes, page engineering, product and legal");
        assertThat(QuestionViews.yesLabel(List.of("engineering-platform-oncall", "product-management", "legal-and-compliance",
                "security-incident-response"))).isEqualTo("Yes, page engineering-platform-oncall, product-management and 2 more");
        assertThat(QuestionViews.yesLabel(List.of("r".repeat(120)))).startsWith("Yes, page rrr").hasSizeLessThanOrEqualTo(75);
        assertThat(QuestionViews.yesLabel(List.of())).startsWith("Yes").contains("nobody to page");
    }
}
