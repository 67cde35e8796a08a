package dev.threeam.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.testing.PostgresSchema;
import org.junit.jupiter.api.Test;

/** What 3am sets on its PostgreSQL sessions, beside what the operator's DATABASE_URL asks for. */
class PostgresSessionSettingsTest {

    private static String show(Database database, String setting) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SHOW " + setting).mapTo(String.class).one());
    }

    @Test
    void every_statement_is_planned_for_its_own_values() {
        try (PostgresSchema schema = PostgresSchema.create(); Database database = Database.open(schema.url(), null, null)) {
            assertThat(show(database, "plan_cache_mode")).isEqualTo("force_custom_plan");
        }
    }

    @Test
    void the_options_of_the_database_url_are_kept_beside_ours() {
        try (PostgresSchema schema = PostgresSchema.create();
                Database database = Database.open(schema.url() + "&options=-c%20work_mem%3D5MB", null, null)) {
            assertThat(show(database, "work_mem")).isEqualTo("5MB");
            assertThat(show(database, "plan_cache_mode")).isEqualTo("force_custom_plan");
        }
    }
}
