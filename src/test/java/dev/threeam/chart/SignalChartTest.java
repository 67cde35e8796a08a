package dev.threeam.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.signal.Comparison;
import dev.threeam.signal.SignalHistory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The chart itself: a PNG Slack takes, the threshold and the breach window drawn, with text or without a font. */
class SignalChartTest {

    static final Instant NOW = Instant.parse("2026-11-28T02:40:20Z");

    /** Tokens per hour: flat, then over the 3M budget for the last twelve minutes. */
    static SignalHistory tokens() {
        List<SignalHistory.Point> points = new ArrayList<>();
        for (int minute = 59; minute >= 0; minute--) {
            double value = minute >= 12 ? 1_200_000 + (59 - minute) * 10_000 : 3_400_000 + (12 - minute) * 90_000;
            points.add(new SignalHistory.Point(NOW.minus(Duration.ofMinutes(minute)), value));
        }
        return new SignalHistory("support-chat", "budgets.tokens_per_hour", "tokens per hour", SignalHistory.Unit.TOKENS,
                Comparison.atMost(3_000_000), Duration.ofHours(1), points, NOW.minus(Duration.ofMinutes(13)));
    }

    @Test
    void a_chart_is_a_png_slack_takes_with_the_threshold_and_the_breach_window_drawn() throws IOException {
        byte[] png = SignalChart.png(tokens(), "INC-1 support-chat: tokens per hour, last hour", NOW.minus(Duration.ofMinutes(13)), null);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/chart-example.png"), png);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(SignalChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(SignalChart.HEIGHT);
        assertThat(png.length).as("well under Slack's 1 GB file limit, small enough to preview at once").isLessThan(200_000);
        assertThat(colors(image, 0xc6, 0x28, 0x28)).as("the threshold line").isGreaterThan(200);
        assertThat(colors(image, 0x1d, 0x5f, 0xc4)).as("the signal's line").isGreaterThan(200);
    }

    @Test
    void without_a_usable_font_the_same_chart_is_drawn_without_text() throws IOException {
        byte[] png = SignalChart.png(tokens(), "title", NOW.minus(Duration.ofMinutes(13)), NOW.minus(Duration.ofMinutes(2)), false);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(SignalChart.WIDTH);
        assertThat(colors(image, 0xc6, 0x28, 0x28)).isGreaterThan(200);
    }

    @Test
    void a_signal_with_no_value_yet_still_draws_its_threshold() throws IOException {
        SignalHistory empty = new SignalHistory("support-chat", "latency.p95_seconds", "p95 latency", SignalHistory.Unit.SECONDS,
                Comparison.atMost(4), Duration.ofMinutes(10),
                List.of(new SignalHistory.Point(NOW.minusSeconds(60), Double.NaN), new SignalHistory.Point(NOW, 9.5)), null);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(SignalChart.png(empty, "p95", null, null)));
        assertThat(colors(image, 0xc6, 0x28, 0x28)).isGreaterThan(100);
    }

    private static int colors(BufferedImage image, int red, int green, int blue) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - red) < 12 && Math.abs(((rgb >> 8) & 0xff) - green) < 12 && Math.abs((rgb & 0xff) - blue) < 12) {
                    count++;
                }
            }
        }
        return count;
    }
}
