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
