package dev.threeam.change;

import dev.threeam.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class ChangeServiceSqliteTest extends ChangeServiceContract {

    @TempDir
    Path folder;

    @Override
    Database openDatabase() {
        return Database.open("jdbc:sqlite:" + folder.resolve("threeam.db"), null, null);
    }
}
