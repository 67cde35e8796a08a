package dev.threeam.signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OTLP JSON fixtures of {@code src/test/resources/otlp}, with {@code ${t-N}} counted from a given instant. */
final class Fixtures {

    private static final Pattern TIME = Pattern.compile("\\$\\{t(?:([+-])(\\d+))?}");

    private Fixtures() {}

    static byte[] json(String name, java.time.Instant t) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/otlp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture otlp/" + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            long now = Temporality.nanos(t);
            Matcher matcher = TIME.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                long offset = matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2)) * 1_000_000_000L;
                matcher.appendReplacement(out, String.valueOf("-".equals(matcher.group(1)) ? now - offset : now + offset));
            }
            matcher.appendTail(out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
