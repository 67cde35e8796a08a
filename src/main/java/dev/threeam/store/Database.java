package dev.threeam.store;

import dev.threeam.common.Identified;
import dev.threeam.common.ThreeAmException;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the database named by a JDBC URL (SQLite or PostgreSQL), runs the migrations, and hands out a
 * {@link Jdbi} whose instants are stored as epoch milliseconds, the same on both databases.
 */
public final class Database implements AutoCloseable {

    private final Jdbi jdbi;
    private final boolean postgres;
    private final HikariDataSource pool;
    private final DatabaseOutage outage;

    private Database(Jdbi jdbi, boolean postgres, HikariDataSource pool, DatabaseOutage outage) {
        this.jdbi = jdbi;
        this.postgres = postgres;
        this.pool = pool;
        this.outage = outage;
    }

    /** Closes the connections. */
    @Override
    public void close() {
        pool.close();
    }

    /** PostgreSQL connections per process; two or three replicas stay far below the server's default limit. */
    private static final int POSTGRES_POOL = 10;

    public static Database open(String url, String user, String password) {
        boolean postgres = url.startsWith("jdbc:postgresql:");
        HikariConfig pool = new HikariConfig();
        pool.setPoolName(postgres ? "threeam-postgres" : "threeam-sqlite");
        if (postgres) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setUrl(url);
            if (user != null) {
                pg.setUser(user);
            }
            if (password != null) {
                pg.setPassword(password);
            }
            pool.setDataSource(pg);
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
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new ThreeAmException("cannot migrate the database at " + url + ": " + e.getMessage(), e);
        }
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
        GuardedConnections connections = new GuardedConnections(dataSource, outage);
        Jdbi jdbi = Jdbi.create(connections).installPlugin(new SqlObjectPlugin());
        jdbi.getConfig(SqlStatements.class).setSqlLogger(connections);
        jdbi.registerArgument(new InstantAsMillis());
        jdbi.registerArgument(new IdentifiedAsId());
        jdbi.registerColumnMapper(new IdentifiedColumns());
        jdbi.registerColumnMapper(Instant.class, (resultSet, column, context) -> {
            long millis = resultSet.getLong(column);
            return resultSet.wasNull() ? null : Instant.ofEpochMilli(millis);
        });
        return new Database(jdbi, postgres, dataSource, outage);
    }

    private static SQLiteDataSource sqlite(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public boolean postgres() {
        return postgres;
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

    /** Enums known by an id ({@code triggered}, {@code post_card}) are written as that id. */
    private static final class IdentifiedAsId implements org.jdbi.v3.core.argument.ArgumentFactory {
        @Override
        public java.util.Optional<Argument> build(java.lang.reflect.Type type, Object value, ConfigRegistry config) {
            if (!(value instanceof Identified identified)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of((position, statement, context) -> statement.setString(position, identified.id()));
        }
    }

    /** … and read back from it, whatever the case. */
    private static final class IdentifiedColumns implements org.jdbi.v3.core.mapper.ColumnMapperFactory {
        @Override
        public java.util.Optional<org.jdbi.v3.core.mapper.ColumnMapper<?>> build(java.lang.reflect.Type type, ConfigRegistry config) {
            if (!(type instanceof Class<?> raw) || !raw.isEnum() || !Identified.class.isAssignableFrom(raw)) {
                return java.util.Optional.empty();
            }
            Object[] constants = raw.getEnumConstants();
            return java.util.Optional.of((resultSet, column, context) -> {
                String id = resultSet.getString(column);
                if (id == null) {
                    return null;
                }
                for (Object constant : constants) {
                    if (((Identified) constant).id().equalsIgnoreCase(id)) {
                        return constant;
                    }
                }
                throw new ThreeAmException("column " + column + ": \"" + id + "\" is not a " + raw.getSimpleName());
            });
        }
    }

    private static final class InstantAsMillis extends AbstractArgumentFactory<Instant> {
        InstantAsMillis() {
            super(Types.BIGINT);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, context) -> statement.setLong(position, value.toEpochMilli());
        }
    }
}
