package dev.threeam.change;

import dev.threeam.store.Database;
import dev.threeam.testing.PostgresSchema;

class ChangeServicePostgresTest extends ChangeServiceContract {

    private PostgresSchema schema;

    @Override
    Database openDatabase() {
        schema = PostgresSchema.create();
        return Database.open(schema.url(), null, null);
    }

    @Override
    void closeDatabase() {
        if (schema != null) {
            schema.close();
        }
    }
}
