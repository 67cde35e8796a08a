package dev.threeam.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The workflow-command escaping rules of the GitHub Actions toolkit ({@code @actions/core} {@code command.ts}). */
class GithubOutputTest {

    @Test
    void messages_escape_percent_and_line_breaks_but_keep_colons_and_commas() {
        assertThat(GithubOutput.escapeData("50% of a:b,c\r\nnext")).isEqualTo("50%25 of a:b,c%0D%0Anext");
    }

    @Test
    void properties_also_escape_colons_and_commas() {
        assertThat(GithubOutput.escapeProperty("50% of a:b,c\r\nnext")).isEqualTo("50%25 of a%3Ab%2Cc%0D%0Anext");
    }

    @Test
    void a_command_lists_file_line_and_title_and_drops_the_line_without_a_file() {
        assertThat(GithubOutput.command("error", Optional.of("runbooks/x.md"), 7, "escalation.legal", "role \"legal\": none"))
                .isEqualTo("::error file=runbooks/x.md,line=7,title=escalation.legal::role \"legal\": none\n");
        assertThat(GithubOutput.command("warning", Optional.empty(), 7, "drill history", "no database"))
                .isEqualTo("::warning title=drill history::no database\n");
    }

    @Test
    void printed_database_urls_hide_passwords() {
        assertThat(ReadOnlyHistory.masked("jdbc:postgresql://db:5432/threeam?user=bot&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/threeam?user=bot&password=***&ssl=true");
        assertThat(ReadOnlyHistory.masked("jdbc:postgresql://bot:s3cret@db/threeam"))
                .isEqualTo("jdbc:postgresql://bot:***@db/threeam");
        assertThat(ReadOnlyHistory.masked("jdbc:sqlite:threeam.db")).isEqualTo("jdbc:sqlite:threeam.db");
    }
}
