package dev.threeam.flow;

import dev.threeam.testing.PostgresSchema;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The real-Alertmanager silence test again on PostgreSQL (a fresh schema): the silences table's SQL holds there too. */
class SilencePostgresTest extends SilenceAtTheSourceTest {

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
