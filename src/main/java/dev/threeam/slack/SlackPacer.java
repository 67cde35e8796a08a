package dev.threeam.slack;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps calls under Slack's tiers so the bot rarely meets a 429: {@code chat.postMessage} about one a second per
 * channel with short bursts, {@code chat.update} and {@code conversations.*} Tier 3 (50/min), views Tier 4.
 */
final class SlackPacer {

    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, Long> pausedUntil = new ConcurrentHashMap<>();

    /** True when a call to {@code method} (in {@code channel}) may go now. */
    boolean tryAcquire(String method, String channel) {
        String key = key(method, channel);
        Long until = pausedUntil.get(key);
        if (until != null && System.nanoTime() - until < 0) {
            return false;
        }
        return limiters.computeIfAbsent(key, SlackPacer::limiterFor).acquirePermission();
    }

    /** True when a call to {@code method} (in {@code channel}) could go now; unlike {@link #tryAcquire}, takes no permit. */
    boolean mayCall(String method, String channel) {
        String key = key(method, channel);
        Long until = pausedUntil.get(key);
        if (until != null && System.nanoTime() - until < 0) {
            return false;
        }
        return limiters.computeIfAbsent(key, SlackPacer::limiterFor).getMetrics().getAvailablePermissions() > 0;
    }

    /** How long until a call to {@code method} (in {@code channel}) may go: when to look again after {@link #tryAcquire} said no. */
    Duration wait(String method, String channel) {
        String key = key(method, channel);
        long now = System.nanoTime();
        Long until = pausedUntil.get(key);
        long paused = until == null ? 0 : Math.max(0, until - now);
        RateLimiter limiter = limiters.computeIfAbsent(key, SlackPacer::limiterFor);
        long refill = limiter instanceof io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter atomic
                ? atomic.getDetailedMetrics().getNanosToWait() : 250_000_000L;
        return Duration.ofNanos(Math.max(Math.max(paused, refill), 50_000_000L));
    }

    /** Slack answered 429: hold every call of this method (in this channel) for {@code retryAfter}, not just that one. */
    void pause(String method, String channel, Duration retryAfter) {
        pausedUntil.put(key(method, channel), System.nanoTime() + retryAfter.toNanos());
    }

    private static String key(String method, String channel) {
        return method.equals("chat.postMessage") ? method + ":" + channel : method;
    }

    private static RateLimiter limiterFor(String key) {
        RateLimiterConfig config;
        if (key.startsWith("chat.postMessage")) {
            config = config(4, Duration.ofSeconds(4));
        } else if (key.startsWith("views.")) {
            config = config(20, Duration.ofSeconds(12));
        } else if (key.startsWith("usergroups.")) {
            config = config(4, Duration.ofSeconds(12));
        } else {
            config = config(10, Duration.ofSeconds(12));
        }
        return RateLimiter.of(key, config);
    }

    private static RateLimiterConfig config(int calls, Duration period) {
        return RateLimiterConfig.custom().limitForPeriod(calls).limitRefreshPeriod(period).timeoutDuration(Duration.ZERO).build();
    }
}
