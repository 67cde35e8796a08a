package dev.threeam.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQLite: the prepared statements of the SQL that every group commit runs with the same text (marked with
 * {@link #reuse}) stay open on their connection and are used again, instead of being compiled afresh by SQLite in
 * every commit (which Jdbi and the driver otherwise do for each statement). They are made on the physical connection,
 * under the pool's proxy, so returning the connection to the pool leaves them open; a connection the pool retires
 * takes its statements with it. Every other statement is made and closed as usual. PostgreSQL's driver keeps its own
 * server-side prepared statements per connection and does not use this.
 *
 * <p>One thread uses a connection at a time (the pool hands it out), and a statement marked here is run to its end
 * before the next use (a batched insert or update), so a statement is never in use twice at once.
 */
public final class ReusedStatements implements StatementBuilderFactory {

    private static final String REUSE = "threeam.reusePrepared";

    /** By physical connection, by SQL as prepared; a connection closed since (the pool retired it) is let go. */
    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new IdentityHashMap<>();
    /** The statements handed out from {@link #byConnection}, which closing must leave open. */
    private final Set<Statement> kept = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final StatementBuilder builder = new Builder();

    ReusedStatements() {}

    /**
     * Marks a statement whose text is the same in every call as worth keeping prepared. Changes nothing where this
     * factory is not installed (PostgreSQL) or for statements whose text varies ({@code IN} lists).
     */
    public static <S extends SqlStatement<S>> S reuse(S statement) {
        return statement.define(REUSE, Boolean.TRUE);
    }

    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        return builder;
    }

    /** How many statements are kept open now, over every connection (for tests). */
    int kept() {
        return kept.size();
    }

    private final class Builder extends DefaultStatementBuilder {

        @Override
        public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
            if (!Boolean.TRUE.equals(context.getAttribute(REUSE)) || context.isReturningGeneratedKeys()) {
                return super.create(connection, sql, context);
            }
            Connection physical = connection.unwrap(Connection.class);
            Map<String, PreparedStatement> statements;
            synchronized (byConnection) {
                statements = byConnection.get(physical);
                if (statements == null) { // a new connection: the pool may have retired the one before
                    forgetClosedConnections();
                    statements = new HashMap<>();
                    byConnection.put(physical, statements);
                }
            }
            PreparedStatement statement;
            synchronized (statements) {
                statement = statements.get(sql);
                if (statement == null || statement.isClosed()) {
                    statement = physical.prepareStatement(sql);
                    statements.put(sql, statement);
                    kept.add(statement);
                }
            }
            return statement;
        }

        @Override
        public void close(Connection connection, String sql, Statement statement) throws SQLException {
            if (!kept.contains(statement)) {
                super.close(connection, sql, statement);
                return;
            }
            try { // ready for its next use: no values bound, no rows batched
                statement.clearBatch();
                ((PreparedStatement) statement).clearParameters();
            } catch (SQLException e) {
                forget(statement);
                statement.close();
                throw e;
            }
        }

        private void forget(Statement statement) {
            kept.remove(statement);
            synchronized (byConnection) {
                byConnection.values().forEach(statements -> {
                    synchronized (statements) {
                        statements.values().remove(statement);
                    }
                });
            }
        }

        /** Called holding {@link #byConnection}'s lock. Closing a connection closed its statements too. */
        private void forgetClosedConnections() {
            byConnection.entrySet().removeIf(entry -> {
                if (!closed(entry.getKey())) {
                    return false;
                }
                kept.removeAll(entry.getValue().values());
                return true;
            });
        }

        private static boolean closed(Connection connection) {
            try {
                return connection.isClosed();
            } catch (SQLException e) {
                return true;
            }
        }
    }
}
