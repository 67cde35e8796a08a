package dev.threeam.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema in {@code TEST_DATABASE_URL}'s PostgreSQL for one test, dropped afterwards, so tests never share
 * (or depend on) what another run left in the database. Skips the test, saying how to run it, when the variable
 * is unset.
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String HOW_TO_RUN = "PostgreSQL tests skipped: run with "
            + "TEST_DATABASE_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' mvn -B verify";

    private final String baseUrl;
    private final String schema;

    private PostgresSchema(String baseUrl, String schema) {
        this.baseUrl = baseUrl;
        this.schema = schema;
    }

    public static PostgresSchema create() {
        String baseUrl = System.getenv("TEST_DATABASE_URL");
        Assumptions.assumeTrue(baseUrl != null && baseUrl.startsWith("jdbc:postgresql:"), HOW_TO_RUN);
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(baseUrl, "CREATE SCHEMA " + schema);
        return new PostgresSchema(baseUrl, schema);
    }

    /** The JDBC URL whose default schema is this one. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() {
        execute(baseUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + url + ": " + e.getMessage(), e);
        }
    }
}
