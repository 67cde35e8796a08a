package dev.threeam.bench;

import java.util.List;
import java.util.Locale;

/**
 * A small SVG chart with no dependencies: panels of horizontal bars, each bar with its target drawn as a black tick,
 * green when the target is met and red when it is missed. Linear or logarithmic scale per panel.
 */
final class Chart {

    /** One bar; {@code higherIsBetter} says which side of the target is met. NaN values are drawn as "n/a". */
    record Bar(String label, double value, double target, boolean higherIsBetter, String valueText) {
        boolean met() {
            return !Double.isNaN(value) && (higherIsBetter ? value >= target : value <= target);
        }
    }

    /** A titled group of bars drawn on one scale from {@code min} to {@code max}. */
    record Panel(String title, List<Bar> bars, double min, double max, boolean logarithmic, String axisUnit) {}

    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 230;
    private static final int PLOT_WIDTH = 420;
    private static final int BAR_HEIGHT = 18;
    private static final int ROW = 26;

    private Chart() {}

    static String svg(List<Panel> panels) {
        StringBuilder body = new StringBuilder();
        int y = 10;
        for (Panel panel : panels) {
            y = panel(body, panel, y) + 16;
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + y + "\" viewBox=\"0 0 " + WIDTH + " " + y
                + "\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + body
                + "</svg>\n";
    }

    private static int panel(StringBuilder out, Panel panel, int top) {
        out.append(text(10, top + 14, panel.title(), "font-weight=\"bold\" font-size=\"13\""));
        int y = top + 26;
        for (Bar bar : panel.bars()) {
            out.append(text(10, y + 13, bar.label(), ""));
            double value = Double.isNaN(bar.value()) ? panel.min() : bar.value();
            int length = Math.max(1, x(panel, value));
            String colour = Double.isNaN(bar.value()) ? "#bbbbbb" : bar.met() ? "#2e9e55" : "#d24b3e";
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                    LABEL_WIDTH, y, length, BAR_HEIGHT, colour));
            int target = LABEL_WIDTH + x(panel, bar.target());
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\" stroke-width=\"2\"/>%n",
                    target, y - 3, target, y + BAR_HEIGHT + 3));
            String label = (Double.isNaN(bar.value()) ? "n/a" : bar.valueText()) + (bar.met() ? "  met" : "  missed");
            out.append(text(LABEL_WIDTH + Math.min(PLOT_WIDTH, Math.max(length, target - LABEL_WIDTH)) + 6, y + 13, label, ""));
            y += ROW;
        }
        out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>%n",
                LABEL_WIDTH, y, LABEL_WIDTH + PLOT_WIDTH, y));
        out.append(text(LABEL_WIDTH, y + 14, format(panel.min()) + " " + panel.axisUnit(), "fill=\"#555\""));
        out.append(text(LABEL_WIDTH + PLOT_WIDTH - 60, y + 14, format(panel.max()) + " " + panel.axisUnit()
                + (panel.logarithmic() ? " (log)" : ""), "fill=\"#555\""));
        out.append(text(LABEL_WIDTH + PLOT_WIDTH / 2 - 60, y + 14, "black tick = target", "fill=\"#555\""));
        return y + 20;
    }

    private static int x(Panel panel, double value) {
        double clamped = Math.max(panel.min(), Math.min(panel.max(), value));
        double fraction = panel.logarithmic()
                ? Math.log(clamped / panel.min()) / Math.log(panel.max() / panel.min())
                : (clamped - panel.min()) / (panel.max() - panel.min());
        return (int) Math.round(fraction * PLOT_WIDTH);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String text(int x, int y, String content, String attributes) {
        String escaped = content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<text x=\"" + x + "\" y=\"" + y + "\" " + attributes + ">" + escaped + "</text>\n";
    }
}
