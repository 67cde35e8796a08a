package dev.threeam.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fresh databases for every bot the bench starts: a new SQLite file, or a new PostgreSQL database made with
 * {@code createdb} (dropped again at the end). PostgreSQL is reached at BENCH_PG_HOST/PORT/USER.
 */
final class Databases implements AutoCloseable {

    private final Path dir;
    private final String host;
    private final String port;
    private final String user;
    private final List<String> created = new ArrayList<>();
    private final String stamp = String.valueOf(System.currentTimeMillis());

    Databases(Path dir, String host, String port, String user) {
        this.dir = dir;
        this.host = host;
        this.port = port;
        this.user = user;
    }

    String sqlite(String name) {
        return "jdbc:sqlite:" + dir.resolve(name + "-" + System.nanoTime() + ".db").toAbsolutePath();
    }

    /** A new, empty PostgreSQL database; null (with a message) when there is no server to make one on. */
    String postgres(String name) throws IOException, InterruptedException {
        if (host == null) {
            return null;
        }
        String database = "bench_" + stamp + "_" + name;
        if (!run("createdb", database)) {
            System.out.println("  cannot create PostgreSQL database " + database + " on " + host + ":" + port + "; PostgreSQL runs are skipped");
            return null;
        }
        created.add(database);
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + user;
    }

    private boolean run(String tool, String database) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(tool, "-h", host, "-p", port, "-U", user, database)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor() == 0;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (String database : created) {
            run("dropdb", database);
        }
    }
}
