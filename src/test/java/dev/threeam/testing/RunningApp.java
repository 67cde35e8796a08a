package dev.threeam.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real 3am against a fake Slack, started before each test and stopped after it, with a temporary folder for its
 * database and runbooks and, when a test asks for one, a clock it moves by hand (so no test sleeps past a window):
 *
 * <pre>
 * &#64;RegisterExtension
 * final RunningApp running = RunningApp.withUserGroups(Map.of("S0HELPDESK", List.of("U0ONCALL")))
 *         .before((settings, dir) -> settings.put("FLAP_WINDOW", "10m"))
 *         .clock(MutableClock.at("2026-11-28T02:00:00Z"));
 * </pre>
 */
public final class RunningApp implements BeforeEachCallback, AfterEachCallback {

    private final Map<String, List<String>> userGroups;
    private BiConsumer<Map<String, String>, Path> before = (settings, dir) -> { };
    private Clock clock = Clock.systemUTC();
    private Path dir;
    private FakeSlack slack;
    private TestApp app;

    private RunningApp(Map<String, List<String>> userGroups) {
        this.userGroups = userGroups;
    }

    /** With the fake Slack's user groups (group id to its members). */
    public static RunningApp withUserGroups(Map<String, List<String>> userGroups) {
        return new RunningApp(Map.copyOf(userGroups));
    }

    /** Edits the settings (or the runbooks copy in the folder: {@link TestApp#runbooks(Path)}) before the app starts. */
    public RunningApp before(BiConsumer<Map<String, String>, Path> edit) {
        this.before = this.before.andThen(edit);
        return this;
    }

    /** The clock the app reads; a {@link MutableClock} lets the test move time instead of waiting. */
    public RunningApp clock(Clock testClock) {
        this.clock = testClock;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("threeam-test-");
        slack = new FakeSlack(userGroups);
        Map<String, String> settings = new HashMap<>(TestApp.settings(slack, dir));
        before.accept(settings, dir);
        app = TestApp.start(settings, clock);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            slack.close();
            delete(dir);
        }
    }

    public TestApp app() {
        return app;
    }

    public FakeSlack slack() {
        return slack;
    }

    public Path dir() {
        return dir;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
