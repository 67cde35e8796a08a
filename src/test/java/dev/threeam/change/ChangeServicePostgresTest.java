package dev.threeam.change;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.threeam.store.Database;

class ChangeServicePostgresTest extends ChangeServiceContract {

    @Override
    Database openDatabase() {
        String url = System.getenv("TEST_DATABASE_URL");
        assumeTrue(url != null && !url.isBlank(), "PostgreSQL tests skipped: set TEST_DATABASE_URL, e.g. "
                + "TEST_DATABASE_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' mvn test");
        return Database.open(url, null, null);
    }
}
