package dev.threeam.config;

import dev.threeam.common.ThreeAmException;
import java.time.Duration;
import java.util.Map;

/**
 * The environment as {@link Config#from} reads it: only through a {@link Setting}, trimmed, blank as unset, with the
 * setting's default, and a bad value named by its variable.
 */
final class SettingValues {

    private final Map<String, String> env;

    SettingValues(Map<String, String> env) {
        this.env = env;
    }

    /** The trimmed value, else the setting's own default, else null. */
    String text(Setting setting) {
        String value = env.get(setting.name());
        return value == null || value.isBlank() ? setting.literalDefault() : value.trim();
    }

    int integer(Setting setting) {
        String value = text(setting);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ThreeAmException(setting.name() + ": expected a number, got \"" + value + "\"");
        }
    }

    /** {@code true} or {@code false} (any case); anything else is refused, naming the variable. */
    boolean bool(Setting setting) {
        String value = text(setting);
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT));
        }
        throw new ThreeAmException(setting.name() + ": expected true or false, got \"" + value + "\"");
    }

    Duration duration(Setting setting) {
        String value = text(setting);
        try {
            return Config.parseDuration(value);
        } catch (ThreeAmException e) {
            throw new ThreeAmException(setting.name() + ": " + e.getMessage());
        }
    }

    /** An {@code http://} or {@code https://} URL without its trailing slash, or null when unset. */
    String url(Setting setting) {
        String value = text(setting);
        if (value == null) {
            return null;
        }
        if (!value.matches("(?i)https?://[^\\s/]+.*")) {
            throw new ThreeAmException(setting.name() + ": expected an http:// or https:// URL, got \"" + value + "\"");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /** A duration longer than zero. */
    Duration positiveDuration(Setting setting) {
        Duration duration = duration(setting);
        if (duration.isZero() || duration.isNegative()) {
            throw new ThreeAmException(setting.name() + ": expected a duration longer than zero, got \"" + text(setting) + "\"");
        }
        return duration;
    }
}
