package dev.threeam.signal;

import dev.threeam.runbook.PriceFile;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.Telemetry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model prices in USD per million tokens: a runbook's own {@code prices:} first, then the shared
 * {@code prices.yml} beside the runbooks (re-read when it changes; a bad edit keeps the last good table). A model
 * is found by its exact name, else by the longest priced name it starts with, so {@code gpt-4o-2024-08-06} takes
 * the price of {@code gpt-4o}.
 */
final class PriceBook {

    private static final Logger LOG = LoggerFactory.getLogger(PriceBook.class);
    private static final Duration RECHECK = Duration.ofSeconds(5);

    private final Path file;
    private final Clock clock;
    private volatile Map<String, Telemetry.Price> shared = Map.of();
    private volatile FileTime readVersion;
    private volatile Instant checkedAt = Instant.MIN;

    PriceBook(Path runbooksDir, Clock clock) {
        this.file = runbooksDir.resolve(PriceFile.NAME);
        this.clock = clock;
        refresh();
    }

    Optional<Telemetry.Price> price(Runbook runbook, String model) {
        Instant now = clock.instant();
        if (now.isAfter(checkedAt.plus(RECHECK))) {
            checkedAt = now;
            refresh();
        }
        String wanted = model.strip().toLowerCase(Locale.ROOT);
        return find(runbook.telemetry().prices(), wanted).or(() -> find(shared, wanted));
    }

    static Optional<Telemetry.Price> find(Map<String, Telemetry.Price> prices, String model) {
        Telemetry.Price exact = prices.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        return prices.entrySet().stream().filter(entry -> model.startsWith(entry.getKey()))
                .max(java.util.Comparator.comparingInt(entry -> entry.getKey().length())).map(Map.Entry::getValue);
    }

    private synchronized void refresh() {
        FileTime version;
        try {
            version = Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            version = null;
        }
        if (java.util.Objects.equals(version, readVersion)) {
            return;
        }
        readVersion = version;
        PriceFile.Loaded loaded = PriceFile.read(file);
        loaded.problems().forEach(problem -> LOG.warn("prices: {}", problem));
        if (!loaded.failed()) {
            shared = loaded.prices();
            if (version != null) {
                LOG.info("Prices in {}: {} models", file, shared.size());
            }
        }
    }
}
