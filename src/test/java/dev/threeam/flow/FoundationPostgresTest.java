package dev.threeam.flow;

import dev.threeam.testing.PostgresSchema;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The foundation's tests again, on PostgreSQL (a fresh schema per test): the same migrations, the same behaviour. */
class FoundationPostgresTest extends FoundationTest {

    private PostgresSchema schema;

    @Override
    Map<String, String> settings(Map<String, String> sqlite) {
        schema = PostgresSchema.create();
        sqlite.put("DATABASE_URL", schema.url());
        return sqlite;
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            app.close();
            schema.close();
        }
    }
}
