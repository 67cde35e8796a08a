package dev.threeam.classify;

import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds alerts for classifier tests with sensible defaults, so a test states only what it is about. */
final class TestAlerts {

    private String source = "generic";
    private String title = "Something happened";
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, String> annotations = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private String url;

    static TestAlerts alert() {
        return new TestAlerts();
    }

    /** An Alertmanager-style alert: named by its {@code alertname}, titled by its summary. */
    static TestAlerts prometheus(String alertname, String summary) {
        return alert().from("alertmanager").label("alertname", alertname).titled(summary).annotation("summary", summary);
    }

    TestAlerts from(String source) {
        this.source = source;
        return this;
    }

    TestAlerts titled(String title) {
        this.title = title;
        return this;
    }

    TestAlerts label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    TestAlerts annotation(String key, String value) {
        annotations.put(key, value);
        return this;
    }

    TestAlerts description(String text) {
        return annotation("description", text);
    }

    TestAlerts value(String name, String value) {
        values.put(name, value);
        return this;
    }

    TestAlerts url(String url) {
        this.url = url;
        return this;
    }

    Alert build() {
        return new Alert(source, "fp-" + Math.abs(title.hashCode()), AlertStatus.FIRING, title, "warning", null, null,
                labels, annotations, values, null, url);
    }
}
