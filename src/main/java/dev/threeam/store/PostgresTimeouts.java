package dev.threeam.store;

import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * How long 3am waits on a PostgreSQL that does not answer, so a request is refused (503 + Retry-After) within two
 * seconds instead of hanging: a connection from the pool within one second, a new connection within two, no answer on
 * an open connection for ten (a silent network), TCP keep-alive on. A URL that sets one of the driver's own wins.
 */
final class PostgresTimeouts {

    /** The longest a caller waits for a pooled connection. */
    static final Duration CONNECTION_WAIT = Duration.ofSeconds(1);
    /** The longest a pooled connection's liveness check may take. */
    static final Duration VALIDATION = Duration.ofMillis(500);
    private static final int CONNECT_SECONDS = 2;
    private static final int SOCKET_SECONDS = 10;

    private PostgresTimeouts() {}

    static void bound(PGSimpleDataSource postgres, String url) {
        if (!url.contains("connectTimeout=")) {
            postgres.setConnectTimeout(CONNECT_SECONDS);
        }
        if (!url.contains("socketTimeout=")) {
            postgres.setSocketTimeout(SOCKET_SECONDS);
        }
        if (!url.contains("tcpKeepAlive=")) {
            postgres.setTcpKeepAlive(true);
        }
    }
}
