package dev.threeam.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The shared sample alerts in ../shared/corpus/alerts; tests that read them are skipped when it is absent. */
final class Corpus {

    private Corpus() {}

    static Path alerts() {
        Path alerts = Path.of("").toAbsolutePath().getParent().resolve("shared/corpus/alerts");
        Assumptions.assumeTrue(Files.isDirectory(alerts),
                "corpus not found at " + alerts + "; it lives in ../shared/corpus next to the project");
        return alerts;
    }

    static byte[] read(String file) {
        try {
            return Files.readAllBytes(alerts().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
