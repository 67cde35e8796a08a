package dev.threeam.check;

import dev.threeam.common.ThreeAmException;
import dev.threeam.config.Config;
import dev.threeam.drill.DrillHistory;
import dev.threeam.drill.DrillReport;
import dev.threeam.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.JdbiException;

/**
 * Reads the drill history where {@code DATABASE_URL} points, strictly read-only: nothing is migrated, created or
 * written. A SQLite file that does not exist is "no database" (and is not created); a database without the drills
 * table says so.
 */
final class ReadOnlyDrills {

    private static final String TABLE = "drills";
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");

    private ReadOnlyDrills() {}

    static Drills read(Config config, List<String> workflows, Instant now) {
        String url = config.databaseUrl();
        String shown = masked(url);
        if (url.startsWith("jdbc:sqlite:") && !sqliteFileExists(url)) {
            return Drills.none(Drills.Source.NO_DATABASE, shown, "no database at " + shown
                    + "; set DATABASE_URL (and DATABASE_USER, DATABASE_PASSWORD) to the bot's");
        }
        try (Database database = Database.openReadOnly(url, config.databaseUser(), config.databasePassword())) {
            if (!database.hasTable(TABLE)) {
                return Drills.none(Drills.Source.NO_DRILL_TABLE, shown, "the database at " + shown
                        + " has no drills table yet: no drill has been run there (3am creates the table when it"
                        + " starts on that database)");
            }
            return Drills.read(shown, DrillReport.of(workflows, new DrillHistory(database.jdbi()), now));
        } catch (ThreeAmException | JdbiException e) {
            return Drills.none(Drills.Source.UNREACHABLE, shown, "cannot read drills from " + shown + ": "
                    + masked(String.valueOf(e.getMessage()).replace(url, shown)));
        }
    }

    /** The URL as it may be printed: a {@code password=} parameter or {@code user:password@} masked. */
    static String masked(String url) {
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("//$1:***@");
    }

    private static boolean sqliteFileExists(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        int query = file.indexOf('?');
        file = query < 0 ? file : file.substring(0, query);
        return !file.isBlank() && !file.contains(":memory:") && Files.isRegularFile(Path.of(file));
    }
}
