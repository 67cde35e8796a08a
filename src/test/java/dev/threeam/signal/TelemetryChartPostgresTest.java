package dev.threeam.signal;

import dev.threeam.testing.PostgresSchema;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** The same charts on PostgreSQL ({@code TEST_DATABASE_URL}; skipped without it). */
class TelemetryChartPostgresTest extends TelemetryChartTest {

    private PostgresSchema schema;

    @Override
    Optional<String> database() {
        Assumptions.assumeTrue(System.getenv("TEST_DATABASE_URL") != null, PostgresSchema.HOW_TO_RUN);
        schema = PostgresSchema.create();
        return Optional.of(schema.url());
    }

    @Override
    void stopped() {
        if (schema != null) {
            schema.close();
        }
    }
}
