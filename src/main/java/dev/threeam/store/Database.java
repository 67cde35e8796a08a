package dev.threeam.store;

import dev.threeam.common.ThreeAmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the database named by a JDBC URL (SQLite or PostgreSQL), runs the migrations, and hands out a
 * {@link Jdbi} whose instants are stored as epoch milliseconds, the same on both databases.
 * {@link #openReadOnly} opens it for reading only, as {@code check} does: no migrations, no writes.
 */
public final class Database implements AutoCloseable {

    private final Jdbi jdbi;
    private final boolean postgres;
    private final Runnable closer;
    private final DatabaseOutage outage;
    private final WriterFirst writerFirst;

    private Database(Jdbi jdbi, boolean postgres, Runnable closer, DatabaseOutage outage, WriterFirst writerFirst) {
        this.jdbi = jdbi;
        this.postgres = postgres;
        this.closer = closer;
        this.outage = outage;
        this.writerFirst = writerFirst;
    }

    /** Closes the connections. */
    @Override
    public void close() {
        closer.run();
    }

    /** PostgreSQL connections per process; two or three replicas stay far below the server's default limit. */
    private static final int POSTGRES_POOL = 10;

    public static Database open(String url, String user, String password) {
        boolean postgres = url.startsWith("jdbc:postgresql:");
        HikariConfig pool = new HikariConfig();
        pool.setPoolName(postgres ? "threeam-postgres" : "threeam-sqlite");
        if (postgres) {
            pool.setDataSource(postgres(url, user, password));
            pool.setMaximumPoolSize(POSTGRES_POOL);
            pool.setConnectionTimeout(PostgresTimeouts.CONNECTION_WAIT.toMillis());
            pool.setValidationTimeout(PostgresTimeouts.VALIDATION.toMillis());
        } else if (url.startsWith("jdbc:sqlite:")) {
            // SQLite has one writer: one shared connection serializes access inside the process, so threads queue
            // in Java instead of sleeping in SQLite's busy handler. Nested Jdbi calls on a thread reuse its handle.
            pool.setDataSource(sqlite(url));
            pool.setMaximumPoolSize(1);
        } else {
            throw new ThreeAmException("DATABASE_URL: expected jdbc:sqlite:… or jdbc:postgresql:…, got \"" + url + "\"");
        }
        try {
            // migrations run on a connection of their own, before the pool exists (Flyway may want two at once)
            Flyway.configure()
                    .dataSource((javax.sql.DataSource) pool.getDataSource())
                    .placeholders(Map.of("id_column", postgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"))
                    .javaMigrations(new RoomForHotUpdates(postgres))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new ThreeAmException("cannot migrate the database at " + url + ": " + e.getMessage(), e);
        }
        return connect(pool, url, postgres);
    }

    /**
     * Opens an existing database for reading only. Nothing is migrated or created: SQLite opens the file read-only
     * (a missing file is an error, not a new database), PostgreSQL sessions are {@code READ ONLY}, so a write fails.
     * Tables may be missing: ask {@link #hasTable}.
     */
    public static Database openReadOnly(String url, String user, String password) {
        boolean postgres = url.startsWith("jdbc:postgresql:");
        DataSource dataSource;
        if (postgres) {
            PGSimpleDataSource pg = postgres(url, user, password);
            pg.setReadOnly(true);
            pg.setReadOnlyMode("always"); // the default ("transaction") leaves auto-commit statements writable
            dataSource = pg;
        } else if (url.startsWith("jdbc:sqlite:")) {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(10_000);
            SQLiteDataSource sqlite = new SQLiteDataSource(config);
            sqlite.setUrl(url);
            dataSource = sqlite;
        } else {
            throw new ThreeAmException("DATABASE_URL: expected jdbc:sqlite:… or jdbc:postgresql:…, got \"" + url + "\"");
        }
        // one connection, no pool: for one thread that reads a few rows and exits (check)
        Connection connection;
        try {
            connection = dataSource.getConnection();
            connection.setReadOnly(true);
        } catch (SQLException e) {
            throw new ThreeAmException("cannot connect to the database at " + url + ": " + e.getMessage(), e);
        }
        return new Database(configured(Jdbi.create(connection)), postgres, () -> {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new ThreeAmException("cannot close the database at " + url + ": " + e.getMessage(), e);
            }
        }, new DatabaseOutage(), WriterFirst.NONE);
    }

    private static Database connect(HikariConfig pool, String url, boolean postgres) {
        if (pool.getDataSource() instanceof PGSimpleDataSource pg) {
            PostgresTimeouts.bound(pg, url); // after the migrations, which may rightly take longer than a request
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new ThreeAmException("cannot connect to the database at " + url + ": " + e.getMessage(), e);
        }
        DatabaseOutage outage = new DatabaseOutage();
        // SQLite's one connection goes to the alert writer first; PostgreSQL's pool has room for everyone
        WriterFirst writerFirst = postgres ? WriterFirst.NONE : new WriterFirst(true);
        GuardedConnections connections = new GuardedConnections(dataSource, outage, writerFirst);
        Jdbi jdbi = configured(Jdbi.create(connections));
        jdbi.getConfig(SqlStatements.class).setSqlLogger(connections);
        if (!postgres) { // PostgreSQL's driver keeps its own prepared statements per connection
            jdbi.setStatementBuilderFactory(new ReusedStatements());
        }
        return new Database(jdbi, postgres, dataSource::close, outage, writerFirst);
    }

    /** SQL Objects on; instants and enums stored the same way on both databases. */
    private static Jdbi configured(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        ColumnTypes.register(jdbi);
        return jdbi;
    }

    private static PGSimpleDataSource postgres(String url, String user, String password) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(url);
        // a batch of rows becomes one multi-row statement: one round trip per batch, not per row
        pg.setReWriteBatchedInserts(true);
        // every execution planned for its own values: a prepared statement's generic plan, made once early (tables
        // nearly empty, arrays of unknown length), scanned the tables the alert writer probes by index
        String options = pg.getOptions(); // the URL's own options= stay, ours go after them
        pg.setOptions((options == null || options.isBlank() ? "" : options + " ") + "-c plan_cache_mode=force_custom_plan");
        if (user != null) {
            pg.setUser(user);
        }
        if (password != null) {
            pg.setPassword(password);
        }
        return pg;
    }

    private static SQLiteDataSource sqlite(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // every commit reaches the disk before its 202 (one fsync per group commit, not per alert): not even a power
        // cut loses an accepted alert
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    /**
     * Works out, once, how to call each of these SQL Object types. Without it every {@code handle.attach} inside a
     * transaction works it out again (a handle copies the configuration it started with: jdbi/jdbi#2991).
     */
    public static void prepare(Jdbi jdbi, Class<?>... extensionTypes) {
        for (Class<?> type : extensionTypes) {
            jdbi.useExtension(type, extension -> { });
        }
    }

    /** Whether this handle's connection is PostgreSQL's (for code that holds a handle, not the {@link Database}). */
    public static boolean postgres(org.jdbi.v3.core.Handle handle) {
        try {
            return handle.getConnection().getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new ThreeAmException("cannot tell which database this is: " + e.getMessage(), e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public boolean postgres() {
        return postgres;
    }

    /**
     * True when {@code table} exists: in PostgreSQL, in the connection's current schema (the first of its
     * {@code search_path}, or {@code currentSchema} of the URL).
     */
    public boolean hasTable(String table) {
        try {
            return jdbi.withHandle(handle -> {
                Connection connection = handle.getConnection();
                String schema = postgres ? connection.getSchema() : null;
                try (ResultSet tables = connection.getMetaData().getTables(null, schema, table, new String[] {"TABLE"})) {
                    return tables.next();
                }
            });
        } catch (SQLException | JdbiException e) {
            throw new ThreeAmException("cannot list the tables of the database: " + e.getMessage(), e);
        }
    }

    /** Who goes first for the connection: on SQLite, the alert writer. */
    public WriterFirst writerFirst() {
        return writerFirst;
    }

    /** Whether the database answers, and why not; turns "unreachable" into the overload answer. */
    public DatabaseOutage outage() {
        return outage;
    }

    /** True when a trivial query answers: what {@code /readyz} asks. */
    public boolean reachable() {
        try {
            return jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
