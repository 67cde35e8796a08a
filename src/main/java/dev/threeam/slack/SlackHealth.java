package dev.threeam.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How Slack answers, as 3am sees it. Each failing method is logged with its error the first time and then at most
 * once a minute (with how many failures since when), and once more when it works again; never silently. When Slack
 * refuses the bot token ({@code invalid_auth}, {@code token_revoked}, {@code account_inactive} …) that is said once,
 * loudly; {@code /readyz} is 503 naming it, and deliveries wait in the outbox (pending, never failed) until a working
 * token is configured and 3am restarts; meanwhile one delivery a minute tries again, in case Slack changes its mind.
 */
public final class SlackHealth {

    /** Slack's answers that mean the token itself is refused: nothing will work until it is replaced. */
    public static final Set<String> TOKEN_REFUSED = Set.of("invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive");
    static final Duration LOG_EVERY = Duration.ofMinutes(1);
    /** While the token is refused, one delivery tries again this often; the others wait. */
    static final Duration TOKEN_RETRY = Duration.ofMinutes(1);
    /** … looking again this often, so a restarted 3am with a working token sends them within seconds. */
    static final Duration TOKEN_WAIT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(SlackHealth.class);

    private record Failing(String error, Instant since, long failures, Instant logged) {}

    private final Clock clock;
    private final Map<String, Failing> failing = new ConcurrentHashMap<>();
    private final AtomicReference<String> tokenRefused = new AtomicReference<>();
    private final AtomicReference<Instant> nextTokenTry = new AtomicReference<>(Instant.EPOCH);

    public SlackHealth(Clock clock) {
        this.clock = clock;
    }

    /** A call to {@code method} worked: it (and the token) work again. */
    void succeeded(String method) {
        Failing was = failing.remove(method);
        if (was != null) {
            LOG.info("Slack {} works again after {} failure{} since {} (last: {})", method, was.failures(), was.failures() == 1 ? "" : "s",
                    was.since(), was.error());
        }
        String refused = tokenRefused.getAndSet(null);
        if (refused != null) {
            LOG.info("Slack accepts the bot token again (it answered {} before); held messages go out now", refused);
        }
    }

    /** A call to {@code method} failed with {@code error} ({@code http_500}, {@code timeout}, a Slack error). True when logged. */
    boolean failed(String method, String error) {
        Instant now = clock.instant();
        boolean[] due = new boolean[1];
        Failing next = failing.compute(method, (key, was) -> {
            due[0] = was == null || !was.logged().plus(LOG_EVERY).isAfter(now);
            return was == null ? new Failing(error, now, 1, now)
                    : new Failing(error, was.since(), was.failures() + 1, due[0] ? now : was.logged());
        });
        boolean log = due[0];
        if (log) {
            LOG.warn("Slack {} failing: {} ({} failure{} since {}); 3am keeps retrying with backoff", method, error, next.failures(),
                    next.failures() == 1 ? "" : "s", next.since());
        }
        return log;
    }

    /** Slack refused the token. True the first time (the one loud line). */
    boolean refusedToken(String method, String error) {
        nextTokenTry.set(clock.instant().plus(TOKEN_RETRY));
        if (tokenRefused.getAndSet(error) != null) {
            return false;
        }
        LOG.error("SLACK REFUSED THE BOT TOKEN: {} answered {}. Nothing can be posted until SLACK_BOT_TOKEN holds a working token "
                + "and 3am restarts; every message waits in the outbox (none is dropped) and /readyz answers 503", method, error);
        return true;
    }

    /** Why Slack refuses the token ({@code token_revoked}), while it does. */
    public Optional<String> tokenProblem() {
        return Optional.ofNullable(tokenRefused.get());
    }

    /** True when a delivery may call Slack now: always, unless the token is refused; then one delivery a minute. */
    boolean mayCall() {
        if (tokenRefused.get() == null) {
            return true;
        }
        Instant now = clock.instant();
        Instant next = nextTokenTry.get();
        return !next.isAfter(now) && nextTokenTry.compareAndSet(next, now.plus(TOKEN_RETRY));
    }

    /** The methods failing now, each with its last error, how many failures and since when (for {@code /readyz}). */
    public Map<String, Map<String, Object>> failingMethods() {
        Map<String, Map<String, Object>> methods = new TreeMap<>();
        failing.forEach((method, state) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("error", state.error());
            entry.put("failures", state.failures());
            entry.put("since", state.since().toString());
            methods.put(method, entry);
        });
        return methods;
    }
}
