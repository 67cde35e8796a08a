package dev.threeam.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite keeps the group commit's fixed-text statements prepared across commits, and each use starts clean. */
class ReusedStatementsTest {

    private static final String INSERT = "INSERT INTO reuse_test (name, size) VALUES (:name, :size)";

    @TempDir
    Path dir;
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("test.db"), null, null);
        database.jdbi().useHandle(handle -> handle.execute("CREATE TABLE reuse_test (name TEXT NOT NULL UNIQUE, size INTEGER NOT NULL)"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private ReusedStatements reused() {
        return (ReusedStatements) database.jdbi().getStatementBuilderFactory();
    }

    private void insert(boolean reuse, List<String> names) {
        database.jdbi().useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            if (reuse) {
                ReusedStatements.reuse(batch);
            }
            for (String name : names) {
                batch.bind("name", name).bind("size", name.length()).add();
            }
            batch.execute();
        });
    }

    private List<String> names() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT name FROM reuse_test ORDER BY name").mapTo(String.class).list());
    }

    @Test
    void a_marked_statement_is_prepared_once_and_used_again_by_later_transactions_on_the_pooled_connection() {
        insert(true, List.of("a", "b"));
        insert(true, List.of("c"));
        insert(true, List.of("d", "e", "f"));

        assertThat(names()).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(reused().kept()).isEqualTo(1);
    }

    @Test
    void the_statements_of_a_connection_closed_since_are_let_go_when_the_next_connection_comes() {
        ReusedStatements reused = new ReusedStatements();
        org.sqlite.SQLiteDataSource unpooled = new org.sqlite.SQLiteDataSource();
        unpooled.setUrl("jdbc:sqlite:" + dir.resolve("test.db"));
        org.jdbi.v3.core.Jdbi jdbi = org.jdbi.v3.core.Jdbi.create(unpooled).setStatementBuilderFactory(reused);
        for (String name : List.of("a", "b", "c")) { // every handle its own connection, closed at its end
            jdbi.useTransaction(handle -> ReusedStatements.reuse(handle.prepareBatch(INSERT)).bind("name", name).bind("size", 1).add().execute());
        }

        assertThat(names()).containsExactly("a", "b", "c");
        assertThat(reused.kept()).as("only the last connection's statement").isEqualTo(1);
    }

    @Test
    void a_statement_not_marked_is_closed_after_its_use_as_usual() {
        insert(false, List.of("a"));
        insert(false, List.of("b"));

        assertThat(names()).containsExactly("a", "b");
        assertThat(reused().kept()).isZero();
    }

    @Test
    void a_marked_statement_that_failed_carries_nothing_of_its_failed_batch_into_the_next_use() {
        insert(true, List.of("a"));
        assertThatThrownBy(() -> insert(true, List.of("b", "a"))).hasMessageContaining("UNIQUE");

        insert(true, List.of("c"));

        assertThat(names()).as("the failed batch rolled back whole; the next one wrote only its own row").containsExactly("a", "c");
    }
}
