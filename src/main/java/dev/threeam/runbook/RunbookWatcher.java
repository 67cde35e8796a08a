package dev.threeam.runbook;

import dev.threeam.common.ThreeAmException;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that runs {@code onChange} when files in a folder are created, changed or deleted, once the
 * folder has been quiet for the debounce time (editors and ConfigMap updates write in several steps).
 */
final class RunbookWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunbookWatcher.class);

    private final WatchService watchService;
    private final Runnable onChange;
    private final Duration debounce;
    private final Thread thread;

    RunbookWatcher(Path dir, Runnable onChange, Duration debounce) {
        this.onChange = onChange;
        this.debounce = debounce;
        try {
            this.watchService = FileSystems.getDefault().newWatchService();
            dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            throw new ThreeAmException("cannot watch " + dir + " for runbook changes: " + e.getMessage(), e);
        }
        this.thread = new Thread(this::run, "runbook-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                drain(watchService.take());
                WatchKey more;
                while ((more = watchService.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reload() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            LOG.error("Reloading runbooks after a file change failed; the watcher keeps running", e);
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.warn("Closing the runbook watch service failed: {}", e.getMessage());
        }
    }
}
