package dev.threeam.chart;

import dev.threeam.signal.SignalHistory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signal's last hour as a small PNG line chart (JFreeChart, headless): the measure minute by minute, the threshold
 * as a dashed red line, the breach window shaded. Without a usable font (a JRE or container without fontconfig or any
 * font) it draws the same chart without text: the upload's title and comment carry the words.
 */
final class SignalChart {

    static final int WIDTH = 800;
    static final int HEIGHT = 360;

    static {
        System.setProperty("java.awt.headless", "true"); // before AWT loads: a server has no display
    }

    private static final Logger LOG = LoggerFactory.getLogger(SignalChart.class);
    private static final Color LINE = new Color(0x1d, 0x5f, 0xc4);
    private static final Color THRESHOLD = new Color(0xc6, 0x28, 0x28);
    private static final Color BREACH = new Color(0xc6, 0x28, 0x28, 0x2e);
    private static final Color CLEAR = new Color(255, 255, 255, 0);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static volatile Boolean textWorks;

    private SignalChart() {}

    /** The chart as PNG bytes; {@code breachTo} null means the breach lasts until the last point. */
    static byte[] png(SignalHistory history, String title, Instant breachFrom, Instant breachTo) {
        return png(history, title, breachFrom, breachTo, textWorks());
    }

    static byte[] png(SignalHistory history, String title, Instant breachFrom, Instant breachTo, boolean withText) {
        JFreeChart chart = chart(history, title, breachFrom, breachTo, withText);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the chart as PNG", e);
        }
        return out.toByteArray();
    }

    /** Whether this JRE can draw text (fontconfig and at least one font); checked once, said once in the log. */
    static boolean textWorks() {
        Boolean known = textWorks;
        if (known == null) {
            known = tryText();
            textWorks = known;
        }
        return known;
    }

    private static boolean tryText() {
        try {
            BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = image.createGraphics();
            graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            graphics.drawString("0", 0, 12);
            graphics.getFontMetrics().stringWidth("0");
            graphics.dispose();
            return true;
        } catch (RuntimeException | LinkageError | InternalError e) {
            LOG.warn("this Java cannot draw text ({}): telemetry charts are drawn without labels; install fontconfig and a font "
                    + "(Debian: fonts-dejavu-core) to get them", e.toString());
            return false;
        }
    }

    private static JFreeChart chart(SignalHistory history, String title, Instant breachFrom, Instant breachTo, boolean withText) {
        TimeSeries series = new TimeSeries(history.measure());
        double low = history.comparison().limit();
        double high = history.comparison().limit();
        for (SignalHistory.Point point : history.points()) {
            FixedMillisecond at = new FixedMillisecond(Date.from(point.at()));
            if (point.known()) {
                series.add(at, point.value());
                low = Math.min(low, point.value());
                high = Math.max(high, point.value());
            } else {
                series.add(at, null);
            }
        }
        TimeSeriesCollection dataset = new TimeSeriesCollection(series, TimeZone.getTimeZone("UTC"));
        JFreeChart chart = ChartFactory.createTimeSeriesChart(withText ? title : null, null, null, dataset, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xe0, 0xe0, 0xe0));
        plot.setRangeGridlinePaint(new Color(0xe0, 0xe0, 0xe0));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, LINE);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        plot.setRenderer(renderer);

        Instant first = history.points().get(0).at();
        Instant last = history.points().get(history.points().size() - 1).at();
        DateAxis time = (DateAxis) plot.getDomainAxis();
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        SimpleDateFormat clock = new SimpleDateFormat("HH:mm");
        clock.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setDateFormatOverride(clock);
        time.setRange(Date.from(first), Date.from(last.plusSeconds(30)));
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        double pad = Math.max((high - low) * 0.15, Math.abs(high) * 0.05 + 1e-9);
        double bottom = low >= 0 && low - pad < 0 ? 0 : low - pad;
        if (history.unit() == SignalHistory.Unit.SCORE || history.unit() == SignalHistory.Unit.RATIO) {
            bottom = Math.max(0, bottom);
        }
        values.setAutoRangeIncludesZero(false);
        values.setRange(bottom, high + pad);
        values.setNumberFormatOverride(new UnitFormat(history.unit()));

        ValueMarker threshold = new ValueMarker(history.comparison().limit(), THRESHOLD,
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
        plot.addRangeMarker(threshold, Layer.FOREGROUND);
        if (breachFrom != null) {
            Instant from = breachFrom.isBefore(first) ? first : breachFrom;
            Instant to = breachTo == null || breachTo.isAfter(last) ? last.plusSeconds(30) : breachTo;
            if (from.isBefore(to)) {
                IntervalMarker breach = new IntervalMarker(from.toEpochMilli(), to.toEpochMilli(), BREACH);
                plot.addDomainMarker(breach, Layer.BACKGROUND);
                // labelled only when the band is wide enough to hold the word (a breach minutes old is a thin band)
                if (withText && Duration.between(from, to).compareTo(Duration.between(first, last).dividedBy(10)) >= 0) {
                    breach.setLabel("breach");
                    breach.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                    breach.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                    breach.setLabelPaint(THRESHOLD);
                    breach.setLabelFont(LABEL);
                    breach.setLabelBackgroundColor(CLEAR);
                    breach.setLabelOffset(new RectangleInsets(4, 6, 4, 6));
                }
            }
        }
        if (withText) {
            threshold.setLabel("threshold " + history.limitText());
            threshold.setLabelPaint(THRESHOLD);
            threshold.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            threshold.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            threshold.setLabelFont(LABEL);
            threshold.setLabelBackgroundColor(CLEAR);
            threshold.setLabelOffset(new RectangleInsets(4, 6, 4, 6));
            chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            chart.addSubtitle(new TextTitle(history.measure() + " over a " + window(history) + " window, minute by minute (UTC)",
                    new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        } else {
            time.setTickLabelsVisible(false);
            values.setTickLabelsVisible(false);
        }
        return chart;
    }

    private static String window(SignalHistory history) {
        long minutes = history.window().toMinutes();
        return minutes >= 60 && minutes % 60 == 0 ? minutes / 60 + " h" : minutes > 0 ? minutes + " min" : history.window().toSeconds() + " s";
    }

    /** Axis ticks in the measure's unit ({@code 4.2M}, {@code $150}, {@code 6 s}). */
    private static final class UnitFormat extends NumberFormat {
        private final SignalHistory.Unit unit;

        UnitFormat(SignalHistory.Unit unit) {
            this.unit = unit;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(unit.format(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(unit.format(number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return null;
        }
    }
}
