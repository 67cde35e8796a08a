package dev.threeam.check;

import static dev.threeam.check.CheckCommandTest.WORKFLOW_COMMAND;
import static dev.threeam.check.CheckCommandTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.classify.FailureType;
import dev.threeam.store.Database;
import dev.threeam.testing.PostgresSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --require-drills} against the bot's database, SQLite or PostgreSQL, never writing to it. */
class CheckDrillsTest {

    private static final Instant RECENTLY = Instant.now().minus(Duration.ofDays(3));

    @TempDir
    Path temp;

    // --- SQLite

    @Test
    void passed_drills_in_a_sqlite_file_satisfy_require_drills_and_the_file_is_left_as_it_was() throws Exception {
        Workspace workspace = Workspace.at(temp).withRunbook("shop.md", Workspace.SHOP);
        Path file = temp.resolve("threeam.db");
        try (Database database = Database.open("jdbc:sqlite:" + file, null, null)) {
            new DrillRows(database).everyTypePassed("shop", RECENTLY);
        }
        String before = sha256(file);
        List<String> tablesBefore = sqliteTables(file);

        CheckProcess.Run run = CheckProcess.in(workspace.root()).env("DATABASE_URL", "jdbc:sqlite:threeam.db")
                .check("--require-drills", "runbooks/");

        assertThat(run.exit()).as(run.printed()).isZero();
        assertThat(run.stdout()).contains("Drill history (passed = acknowledged in time")
                .containsPattern("retrieval_failure +last drill \\d{4}-\\d\\d-\\d\\d INC-\\d+: passed  ✓")
                .contains("Result: 1 of 1 workflow(s) ready -> OK (exit 0)");
        assertThat(run.stdout().split("✓", -1)).hasSize(FailureType.classified().length + 1);
        assertThat(sha256(file)).as("the database file is unchanged").isEqualTo(before);
        assertThat(sqliteTables(file)).isEqualTo(tablesBefore);
    }

    @Test
    void a_type_never_drilled_or_failed_fails_require_drills_and_says_which() throws Exception {
        Workspace workspace = Workspace.at(temp).withRunbook("shop.md", Workspace.SHOP);
        Path file = temp.resolve("threeam.db");
        try (Database database = Database.open("jdbc:sqlite:" + file, null, null)) {
            DrillRows drills = new DrillRows(database);
            for (FailureType type : FailureType.classified()) {
                if (type != FailureType.COST_FAILURE && type != FailureType.TOOL_FAILURE) {
                    drills.drill("shop", type, RECENTLY, true);
                }
            }
            drills.drill("shop", FailureType.TOOL_FAILURE, RECENTLY, false);
            drills.drill("shop", FailureType.TOOL_FAILURE, Instant.now().minus(Duration.ofDays(120)), true);
        }
        CheckProcess process = CheckProcess.in(workspace.root()).env("DATABASE_URL", "jdbc:sqlite:" + file);

        CheckProcess.Run github = process.check("--require-drills", "--format", "github", "runbooks/");
        CheckProcess.Run json = process.check("--require-drills", "--format", "json", "runbooks/");
        CheckProcess.Run informational = process.check("runbooks/");

        assertThat(github.exit()).as(github.printed()).isEqualTo(1);
        assertThat(github.stdout().lines().toList()).filteredOn(line -> line.startsWith("::"))
                .allSatisfy(line -> assertThat(line).matches(WORKFLOW_COMMAND))
                .anySatisfy(line -> assertThat(line).contains("title=shop cost_failure not ready::no passed drill in"
                        + " the last 90 days (never drilled)"))
                .anySatisfy(line -> assertThat(line).containsPattern("title=shop tool_failure not ready::no passed"
                        + " drill in the last 90 days \\(last drill INC-\\d+ on \\d{4}-\\d\\d-\\d\\d did not pass\\)$"))
                .hasSize(2);
        JsonNode history = json(json).at("/drills");
        assertThat(history.get("source").asText()).isEqualTo("read");
        assertThat(history.get("history")).hasSize(7);
        assertThat(json(json).get("workflows").get(0).get("failure_types")).filteredOn(type -> !type.get("ready").asBoolean())
                .extracting(type -> type.get("failure_type").asText()).containsExactlyInAnyOrder("cost_failure", "tool_failure");
        assertThat(informational.exit()).as("without --require-drills drills are information").isZero();
        assertThat(informational.stdout()).containsPattern("cost_failure +never drilled\n")
                .containsPattern("tool_failure +last drill \\S+ INC-\\d+: NOT passed\n");
    }

    @Test
    void a_missing_sqlite_file_is_no_database_and_is_not_created() {
        Workspace workspace = Workspace.at(temp).withRunbook("shop.md", Workspace.SHOP);
        CheckProcess process = CheckProcess.in(workspace.root()).env("DATABASE_URL", "jdbc:sqlite:missing.db");

        CheckProcess.Run required = process.check("--require-drills", "runbooks/");
        CheckProcess.Run informational = process.check("runbooks/");

        assertThat(required.exit()).as(required.printed()).isEqualTo(1);
        assertThat(required.stdout()).contains("Drill history: none (no database at jdbc:sqlite:missing.db; set"
                + " DATABASE_URL (and DATABASE_USER, DATABASE_PASSWORD) to the bot's)  ✗ --require-drills needs it");
        assertThat(informational.exit()).isZero();
        assertThat(temp.resolve("missing.db")).doesNotExist();
    }

    @Test
    void a_sqlite_file_without_the_drills_table_says_so_and_gets_none() throws Exception {
        Workspace workspace = Workspace.at(temp).withRunbook("shop.md", Workspace.SHOP);
        Path file = temp.resolve("other.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            connection.createStatement().execute("CREATE TABLE notes (text TEXT)");
        }
        String before = sha256(file);

        CheckProcess.Run run = CheckProcess.in(workspace.root()).env("DATABASE_URL", "jdbc:sqlite:" + file)
                .check("--require-drills", "--format", "json", "runbooks/");

        assertThat(run.exit()).as(run.printed()).isEqualTo(1);
        JsonNode drills = json(run).get("drills");
        assertThat(drills.get("source").asText()).isEqualTo("no_drill_table");
        assertThat(drills.get("message").asText()).isEqualTo("the database at jdbc:sqlite:" + file + " has no drills"
                + " table yet: no drill has been run there (3am creates the table when it starts on that database)");
        assertThat(sqliteTables(file)).containsExactly("notes");
        assertThat(sha256(file)).isEqualTo(before);
    }

    // --- PostgreSQL

    @Test
    void passed_drills_in_postgresql_satisfy_require_drills_read_only() throws Exception {
        Workspace workspace = Workspace.at(temp).withRunbook("shop.md", Workspace.SHOP);
        try (PostgresSchema schema = PostgresSchema.create()) {
            try (Database database = Database.open(schema.url(), null, null)) {
                new DrillRows(database).everyTypePassed("shop", RECENTLY);
            }
            String before = postgresState(schema.url());

            CheckProcess.Run run = CheckProcess.in(workspace.root()).env(postgresEnv(schema.url()))
                    .check("--require-drills", "--format", "json", "runbooks/");

            assertThat(run.exit()).as(run.printed()).isZero();
            JsonNode json = json(run);
            assertThat(json.at("/drills/source").asText()).isEqualTo("read");
            assertThat(json.at("/drills/history")).hasSize(7)
                    .allSatisfy(entry -> assertThat(entry.get("passed_recently").asBoolean()).isTrue());
            assertThat(json.at("/drills/database").asText()).doesNotContain("password=").startsWith("jdbc:postgresql:");
            assertThat(postgresState(schema.url())).as("no table created, no row written").isEqualTo(before);
        }
    }

    @Test
    void a_postgresql_schema_without_the_drills_table_says_so_and_stays_empty() throws Exception {
        Workspace workspace = Workspace.at(temp).withRunbook("shop.md", Workspace.SHOP);
        try (PostgresSchema schema = PostgresSchema.create()) {
            CheckProcess process = CheckProcess.in(workspace.root()).env(postgresEnv(schema.url()));

            CheckProcess.Run required = process.check("--require-drills", "runbooks/");
            CheckProcess.Run github = process.check("--require-drills", "--format", "github", "runbooks/");

            assertThat(required.exit()).as(required.printed()).isEqualTo(1);
            assertThat(required.stdout()).contains("Drill history: none (the database at jdbc:postgresql:")
                    .contains("has no drills table yet: no drill has been run there");
            assertThat(github.stdout().lines().toList()).contains("::error title=drill history::the database at "
                    + escapedData(CheckDrillsTest.masked(schema.url())) + " has no drills table yet: no drill has been"
                    + " run there (3am creates the table when it starts on that database)");
            assertThat(postgresState(schema.url())).as("migrations did not run").isEqualTo("tables=[]");
        }
    }

    @Test
    void an_unreachable_database_is_an_io_error_only_when_drills_are_required() {
        Workspace workspace = Workspace.at(temp).withRunbook("shop.md", Workspace.SHOP);
        CheckProcess process = CheckProcess.in(workspace.root())
                .env("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/threeam?password=hunter2")
                .env("DATABASE_PASSWORD", "hunter3");

        CheckProcess.Run required = process.check("--require-drills", "runbooks/");
        CheckProcess.Run informational = process.check("--format", "github", "runbooks/");

        assertThat(required.exit()).as(required.printed()).isEqualTo(2);
        assertThat(required.stderr()).contains("3am check: cannot read drills from"
                + " jdbc:postgresql://127.0.0.1:1/threeam?password=***");
        assertThat(informational.exit()).as(informational.printed()).isZero();
        assertThat(informational.stdout()).startsWith("::warning title=drill history::cannot read drills from");
        assertThat(required.printed() + informational.printed()).doesNotContain("hunter2").doesNotContain("hunter3");
    }

    // --- helpers

    /** DATABASE_URL, with the user moved to DATABASE_USER (and the password to DATABASE_PASSWORD) when the URL has them. */
    private static java.util.Map<String, String> postgresEnv(String url) {
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        String rest = url;
        for (String name : List.of("user", "password")) {
            Matcher parameter = Pattern.compile("([?&])" + name + "=([^&]*)&?").matcher(rest);
            if (parameter.find()) {
                env.put(name.equals("user") ? "DATABASE_USER" : "DATABASE_PASSWORD", parameter.group(2));
                rest = parameter.replaceFirst("$1");
            }
        }
        env.put("DATABASE_URL", rest.replaceAll("[?&]$", ""));
        return env;
    }

    private static String masked(String url) {
        return ReadOnlyHistory.masked(postgresEnv(url).get("DATABASE_URL"));
    }

    private static String escapedData(String text) {
        return GithubOutput.escapeData(text);
    }

    /** The tables of the schema, and the rows of each: equal before and after means nothing was written. */
    private static String postgresState(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            StringBuilder state = new StringBuilder("tables=" + tables.stream().sorted().toList());
            for (String table : tables.stream().sorted().toList()) {
                try (ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
                    count.next();
                    state.append(' ').append(table).append('=').append(count.getLong(1));
                }
            }
            return state.toString();
        }
    }

    private static List<String> sqliteTables(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro")) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection.createStatement()
                    .executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            return tables;
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
