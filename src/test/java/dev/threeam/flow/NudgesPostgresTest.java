package dev.threeam.flow;

import dev.threeam.testing.PostgresSchema;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The nudges again on PostgreSQL (a fresh schema): the timeline queries and the row hold work there too. */
class NudgesPostgresTest extends NudgesTest {

    private PostgresSchema schema;

    @Override
    protected void prepare(Map<String, String> settings) {
        super.prepare(settings);
        schema = PostgresSchema.create();
        settings.put("DATABASE_URL", schema.url());
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            app.close();
            schema.close();
        }
    }
}
